using Llo.Matching.Domain.Scoring;

namespace Llo.Matching.Domain.Index;

/// <summary>
/// A job's required skills spread over the skills that earn credit for them (the skill itself, worth 1, and its
/// similar skills, worth <see cref="SkillCredits.SimilarCredit"/> times the similarity), computed once per candidates
/// query. It gives each such skill the most it can add to the score (so the index walks each skill's workers once,
/// however many required skills it serves), and it credits one worker exactly as <see cref="SkillCredits"/> would:
/// per required skill the best of what the worker has, summed in the job's order.
/// </summary>
internal sealed class JobExpansion
{
    private int[] stamp = [];
    private int[] head = [];
    private float[] boundWeight = [];
    private int round;

    // Entries as parallel arrays, chained per skill through next.
    private int[] next = new int[256];
    private int[] position = new int[256];
    private float[] credit = new float[256];
    private bool[] direct = new bool[256];
    private int entries;

    // Per required position, for one worker.
    private float[] value = new float[64];
    private float[] strength = new float[64];
    private bool[] held = new bool[64];
    private int essentialCount;
    private int requiredCount;

    /// <summary>The distinct skills that earn credit, in the order first reached.</summary>
    public List<int> Skills { get; } = new(256);

    public float EssentialSum { get; private set; }

    public float OptionalSum { get; private set; }

    public float StrengthSum { get; private set; }

    public int DirectCount { get; private set; }

    public void Fill(JobProfile job, SkillSimilarity similarity, int skillCount, double essentialWeight, double optionalWeight)
    {
        if (stamp.Length < skillCount)
        {
            stamp = new int[skillCount];
            head = new int[skillCount];
            boundWeight = new float[skillCount];
            round = 0;
        }

        round++;
        entries = 0;
        Skills.Clear();
        essentialCount = job.EssentialSkills.Length;
        requiredCount = essentialCount + job.OptionalSkills.Length;
        if (value.Length < requiredCount)
        {
            value = new float[requiredCount];
            strength = new float[requiredCount];
            held = new bool[requiredCount];
        }

        for (var p = 0; p < requiredCount; p++)
        {
            var required = p < essentialCount ? job.EssentialSkills[p] : job.OptionalSkills[p - essentialCount];
            var weight = p < essentialCount ? essentialWeight / essentialCount : optionalWeight / job.OptionalSkills.Length;
            AddEntry(required, p, 1f, true, weight);
            foreach (var (neighbour, sim) in similarity.Neighbours(required))
            {
                AddEntry(neighbour, p, SkillCredits.SimilarCredit * sim, false, weight);
            }
        }
    }

    public float BoundWeight(int skill) => boundWeight[skill];

    /// <summary>Credits one worker: fills <see cref="EssentialSum"/>, <see cref="OptionalSum"/>, <see cref="StrengthSum"/> and <see cref="DirectCount"/>.</summary>
    public void Credit(WorkerProfile worker)
    {
        Array.Clear(value, 0, requiredCount);
        Array.Clear(held, 0, requiredCount);
        foreach (var s in worker.Skills)
        {
            if (stamp[s.SkillId] != round)
            {
                continue;
            }

            for (var e = head[s.SkillId]; e >= 0; e = next[e])
            {
                var p = position[e];
                if (direct[e])
                {
                    held[p] = true;
                    value[p] = 1f;
                    strength[p] = SkillCredits.Strength(s);
                }
                else if (!held[p] && value[p] < credit[e])
                {
                    value[p] = credit[e];
                }
            }
        }

        float essential = 0, optional = 0, strengthSum = 0;
        var count = 0;
        for (var p = 0; p < requiredCount; p++)
        {
            if (p < essentialCount)
            {
                essential += value[p];
            }
            else
            {
                optional += value[p];
            }

            if (held[p])
            {
                strengthSum += strength[p];
                count++;
            }
        }

        (EssentialSum, OptionalSum, StrengthSum, DirectCount) = (essential, optional, strengthSum, count);
    }

    private void AddEntry(int skill, int p, float entryCredit, bool isDirect, double weight)
    {
        if (entries == next.Length)
        {
            Array.Resize(ref next, entries * 2);
            Array.Resize(ref position, entries * 2);
            Array.Resize(ref credit, entries * 2);
            Array.Resize(ref direct, entries * 2);
        }

        if (stamp[skill] != round)
        {
            stamp[skill] = round;
            head[skill] = -1;
            boundWeight[skill] = 0;
            Skills.Add(skill);
        }

        (next[entries], position[entries], credit[entries], direct[entries]) = (head[skill], p, entryCredit, isDirect);
        head[skill] = entries++;
        boundWeight[skill] += (float)(weight * entryCredit);
    }
}
