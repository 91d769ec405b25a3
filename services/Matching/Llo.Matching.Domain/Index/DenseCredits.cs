using Llo.Matching.Domain.Scoring;

namespace Llo.Matching.Domain.Index;

/// <summary>
/// <see cref="SkillCredits"/> of one worker in arrays indexed by skill, reused by a thread from query to query: the
/// same values, computed by the same rules, and listed in the same order (own skills first, then similar skills in
/// the order first reached), without a dictionary per query. A round number marks which entries are current, so
/// nothing is cleared between queries.
/// </summary>
internal sealed class DenseCredits
{
    private int[] stamp = [];
    private int round;

    public float[] Value { get; private set; } = [];

    public float[] Strength { get; private set; } = [];

    public bool[] Direct { get; private set; } = [];

    /// <summary>The credited skills in the order <see cref="SkillCredits.All"/> lists them.</summary>
    public List<int> Order { get; } = new(256);

    public void Fill(WorkerProfile worker, SkillSimilarity similarity, int skillCount)
    {
        if (stamp.Length < skillCount)
        {
            stamp = new int[skillCount];
            Value = new float[skillCount];
            Strength = new float[skillCount];
            Direct = new bool[skillCount];
            round = 0;
        }

        Order.Clear();
        round++;
        foreach (var s in worker.Skills)
        {
            if (stamp[s.SkillId] != round)
            {
                stamp[s.SkillId] = round;
                Order.Add(s.SkillId);
            }

            Value[s.SkillId] = 1f;
            Strength[s.SkillId] = SkillCredits.Strength(s);
            Direct[s.SkillId] = true;
        }

        foreach (var s in worker.Skills)
        {
            foreach (var (neighbour, sim) in similarity.Neighbours(s.SkillId))
            {
                var credit = SkillCredits.SimilarCredit * sim;
                if (stamp[neighbour] != round)
                {
                    stamp[neighbour] = round;
                    Order.Add(neighbour);
                    Value[neighbour] = credit;
                    Strength[neighbour] = 0f;
                    Direct[neighbour] = false;
                }
                else if (!Direct[neighbour] && Value[neighbour] < credit)
                {
                    Value[neighbour] = credit;
                }
            }
        }
    }

    /// <summary>The credit of a required skill: 0 when the worker has neither it nor a similar skill.</summary>
    public float ValueOf(int skill) => stamp[skill] == round ? Value[skill] : 0f;

    public bool IsDirect(int skill) => stamp[skill] == round && Direct[skill];
}
