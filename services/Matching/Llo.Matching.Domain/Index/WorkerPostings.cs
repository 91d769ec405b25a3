using Llo.Matching.Domain.Scoring;

namespace Llo.Matching.Domain.Index;

/// <summary>
/// For each skill, the workers a candidates query credits for it, in two lists: the workers who have the skill (with
/// their strength in it), and the workers who lack it but have a similar skill, once each, with the best credit they
/// earn for it (<see cref="SkillCredits.SimilarCredit"/> times the closest similarity, as <see cref="SkillCredits"/>
/// rules). So a query walks each worker at most once per required skill and never sorts out its neighbours at query
/// time: the similar lists are what walking every neighbour's holders would reach, without the repeats (about half of
/// those entries on the benchmark region).
/// <para>
/// Both lists are <see cref="SkillPostings"/> (copy on write under <see cref="Fork"/>). A worker's similar entries sit
/// under the skills whose neighbours include one of the worker's skills; <c>reverse</c> finds those skills, so an
/// edit rewrites just them.
/// </para>
/// </summary>
internal sealed class WorkerPostings
{
    private readonly SkillSimilarity similarity;
    private readonly int[][] reverse;
    private readonly SkillPostings holders;
    private readonly SkillPostings similar;

    [ThreadStatic]
    private static Marks? marks;

    public WorkerPostings(int skillCount, SkillSimilarity similarity, IReadOnlyList<WorkerProfile> workers)
    {
        this.similarity = similarity;
        reverse = Reverse(skillCount, similarity);
        holders = SkillPostings.Build(skillCount, workers.Count, w => Held(workers[w]));
        var similarOf = workers.Select(SimilarCredits).ToArray();
        similar = SkillPostings.Build(skillCount, workers.Count, w => similarOf[w]);
    }

    private WorkerPostings(WorkerPostings from)
    {
        similarity = from.similarity;
        reverse = from.reverse;
        holders = from.holders.Fork();
        similar = from.similar.Fork();
    }

    public long Entries => holders.Entries + similar.Entries;

    public WorkerPostings Fork() => new(this);

    public ReadOnlySpan<int> Holders(int skill) => holders.Items(skill);

    public ReadOnlySpan<float> HolderStrengths(int skill) => holders.Values(skill);

    public ReadOnlySpan<int> Similar(int skill) => similar.Items(skill);

    public ReadOnlySpan<float> SimilarCredits(int skill) => similar.Values(skill);

    public void Post(WorkerProfile worker, int at)
    {
        foreach (var (skill, strength) in Held(worker))
        {
            holders.Add(skill, at, strength);
        }

        foreach (var (skill, credit) in SimilarCredits(worker))
        {
            similar.Add(skill, at, credit);
        }
    }

    public void Unpost(WorkerProfile worker, int at)
    {
        foreach (var (skill, _) in Held(worker))
        {
            holders.Remove(skill, at);
        }

        foreach (var (skill, _) in SimilarCredits(worker))
        {
            similar.Remove(skill, at);
        }
    }

    /// <summary>The worker at <paramref name="from"/> moved to <paramref name="to"/>.</summary>
    public void Rename(WorkerProfile worker, int from, int to)
    {
        foreach (var (skill, _) in Held(worker))
        {
            holders.Rename(skill, from, to);
        }

        foreach (var (skill, _) in SimilarCredits(worker))
        {
            similar.Rename(skill, from, to);
        }
    }

    /// <summary>A worker's skills with their strength; a skill listed twice counts once, with its last strength (as in <see cref="SkillCredits"/>).</summary>
    public static IEnumerable<(int Skill, float Strength)> Held(WorkerProfile worker)
    {
        var skills = worker.Skills;
        for (var i = 0; i < skills.Length; i++)
        {
            var listedLater = false;
            for (var later = i + 1; later < skills.Length && !listedLater; later++)
            {
                listedLater = skills[later].SkillId == skills[i].SkillId;
            }

            if (!listedLater)
            {
                yield return (skills[i].SkillId, SkillCredits.Strength(skills[i]));
            }
        }
    }

    /// <summary>
    /// The skills the worker lacks but has a similar skill of, each once, with the best credit: what walking the
    /// neighbours of a required skill (most similar first) gives the worker when the walk first reaches them.
    /// </summary>
    private (int Skill, float Credit)[] SimilarCredits(WorkerProfile worker)
    {
        var m = marks ??= new Marks();
        m.Next(reverse.Length);
        foreach (var s in worker.Skills)
        {
            m.Own[s.SkillId] = m.Round;
        }

        m.Found.Clear();
        foreach (var s in worker.Skills)
        {
            foreach (var skill in reverse[s.SkillId])
            {
                if (m.Own[skill] == m.Round || m.Seen[skill] == m.Round)
                {
                    continue;
                }

                m.Seen[skill] = m.Round;
                var best = 0f;
                foreach (var (neighbour, sim) in similarity.Neighbours(skill))
                {
                    var credit = SkillCredits.SimilarCredit * sim;
                    if (m.Own[neighbour] == m.Round && credit > best)
                    {
                        best = credit;
                    }
                }

                m.Found.Add((skill, best));
            }
        }

        return [.. m.Found];
    }

    /// <summary>Per-thread marks by skill for <see cref="SimilarCredits"/>; a round number tells which are current, so nothing is cleared.</summary>
    private sealed class Marks
    {
        public int[] Own = [];
        public int[] Seen = [];
        public int Round;
        public readonly List<(int, float)> Found = [];

        public void Next(int skillCount)
        {
            if (Own.Length < skillCount)
            {
                Own = new int[skillCount];
                Seen = new int[skillCount];
                Round = 0;
            }

            Round++;
        }
    }

    /// <summary>For each skill, the skills that list it as a neighbour.</summary>
    private static int[][] Reverse(int skillCount, SkillSimilarity similarity)
    {
        var lists = new List<int>[skillCount];
        for (var s = 0; s < skillCount; s++)
        {
            foreach (var (neighbour, _) in similarity.Neighbours(s))
            {
                (lists[neighbour] ??= []).Add(s);
            }
        }

        return [.. lists.Select(l => l is null ? [] : l.ToArray())];
    }
}
