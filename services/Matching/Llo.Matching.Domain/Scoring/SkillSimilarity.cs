using Llo.Matching.Domain.Taxonomy;

namespace Llo.Matching.Domain.Scoring;

/// <summary>
/// How close two skills are, learned from the taxonomy itself: skills that occupations ask for together are related
/// (cosine of their occupation sets), and ESCO's own skill→skill relations add to that. Each skill keeps its closest
/// neighbours above a floor, and an edge stays only when both ends chose it (mutual nearest neighbours): then "a is
/// similar to b" holds both ways, which the index needs to score a job from either side with the same result, and a
/// hub skill ("communicate") cannot collect thousands of neighbours that every query would have to walk.
/// </summary>
public sealed class SkillSimilarity
{
    public const int NeighboursPerSkill = 8;
    public const float Floor = 0.35f;
    private const float RelatedBonus = 0.25f;

    private readonly (int Skill, float Similarity)[][] neighbours;

    private SkillSimilarity((int, float)[][] neighbours) => this.neighbours = neighbours;

    public static SkillSimilarity Learn(SkillTaxonomy taxonomy)
    {
        var count = taxonomy.Skills.Count;
        var occupationsOf = taxonomy.OccupationsOfSkill;
        var cooccurrence = new float[count];
        var touched = new List<int>(4096);
        var lists = new List<(int, float)>[count];
        for (var a = 0; a < count; a++)
        {
            lists[a] = [];
        }

        for (var a = 0; a < count; a++)
        {
            foreach (var occupation in occupationsOf[a])
            {
                var o = taxonomy.Occupations[occupation];
                foreach (var b in o.EssentialSkills.Concat(o.OptionalSkills))
                {
                    if (b == a)
                    {
                        continue;
                    }

                    if (cooccurrence[b] == 0)
                    {
                        touched.Add(b);
                    }

                    cooccurrence[b]++;
                }
            }

            foreach (var b in taxonomy.RelatedSkills[a])
            {
                if (cooccurrence[b] == 0)
                {
                    touched.Add(b);
                }

                cooccurrence[b] += 0.0001f;
            }

            var best = new List<(int, float)>();
            foreach (var b in touched)
            {
                var shared = MathF.Floor(cooccurrence[b]);
                var cosine = occupationsOf[a].Length == 0 || occupationsOf[b].Length == 0
                    ? 0f
                    : shared / MathF.Sqrt(occupationsOf[a].Length * (float)occupationsOf[b].Length);
                // Two occupations in common is the least that says something about the skills rather than the occupation.
                if (shared < 2)
                {
                    cosine = 0f;
                }

                if (cooccurrence[b] - shared > 0)
                {
                    cosine += RelatedBonus;
                }

                if (cosine >= Floor)
                {
                    best.Add((b, MathF.Min(0.95f, cosine)));
                }

                cooccurrence[b] = 0;
            }

            touched.Clear();
            foreach (var pair in best.OrderByDescending(p => p.Item2).ThenBy(p => p.Item1).Take(NeighboursPerSkill))
            {
                lists[a].Add(pair);
            }
        }

        // Mutual: keep an edge only when both sides chose it, with the larger of the two similarities.
        var symmetric = new Dictionary<int, float>[count];
        for (var a = 0; a < count; a++)
        {
            symmetric[a] = [];
        }

        for (var a = 0; a < count; a++)
        {
            foreach (var (b, s) in lists[a])
            {
                foreach (var (back, t) in lists[b])
                {
                    if (back == a)
                    {
                        symmetric[a][b] = MathF.Max(s, t);
                        break;
                    }
                }
            }
        }

        return new SkillSimilarity(symmetric.Select(d => d.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value)).ToArray()).ToArray());
    }

    /// <summary>The skills similar to <paramref name="skill"/>, most similar first.</summary>
    public ReadOnlySpan<(int Skill, float Similarity)> Neighbours(int skill) => neighbours[skill];

    public float Between(int a, int b)
    {
        if (a == b)
        {
            return 1f;
        }

        foreach (var (skill, similarity) in neighbours[a])
        {
            if (skill == b)
            {
                return similarity;
            }
        }

        return 0f;
    }
}
