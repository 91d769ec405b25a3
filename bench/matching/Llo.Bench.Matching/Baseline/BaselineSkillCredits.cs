// Frozen copy of the engine as of main 185c59e (before the match-speed work), the baseline the benchmark runs next to
// the current engine, as bench/overlap keeps BaselineOverlapIndex. Do not improve it: its point is to stay the old one.
using Llo.Matching.Domain.Scoring;

namespace Llo.Bench.Matching.Baseline;

/// <summary>
/// What a worker's skills are worth against any required skill: 1 for a skill they have; for a skill they lack,
/// <see cref="SimilarCredit"/> times its similarity to the closest skill they have ("similar to your X"); 0 otherwise.
/// Computed once per worker and shared by the scorer and the index, so both give the same score.
/// </summary>
public sealed class BaselineSkillCredits
{
    public const float SimilarCredit = 0.5f;

    private readonly Dictionary<int, Credit> credits;

    private BaselineSkillCredits(Dictionary<int, Credit> credits) => this.credits = credits;

    public static BaselineSkillCredits For(WorkerProfile worker, SkillSimilarity similarity)
    {
        var credits = new Dictionary<int, Credit>(worker.Skills.Length * 6);
        foreach (var s in worker.Skills)
        {
            credits[s.SkillId] = new Credit(1f, Strength(s), s.SkillId, true);
        }

        foreach (var s in worker.Skills)
        {
            foreach (var (neighbour, sim) in similarity.Neighbours(s.SkillId))
            {
                var credit = SimilarCredit * sim;
                if (!credits.TryGetValue(neighbour, out var existing) || (!existing.Direct && existing.Value < credit))
                {
                    credits[neighbour] = new Credit(credit, 0f, s.SkillId, false);
                }
            }
        }

        return new BaselineSkillCredits(credits);
    }

    /// <summary>How strongly a skill counts: evidence (claimed 0.6, confirmed 0.8, certified 1.0) times level (1 → 0.6 ... 5 → 1.0).</summary>
    public static float Strength(WorkerSkill skill)
    {
        var evidence = skill.Evidence switch
        {
            SkillEvidence.Certified => 1.0f,
            SkillEvidence.Confirmed => 0.8f,
            _ => 0.6f,
        };
        return evidence * (0.5f + 0.1f * Math.Clamp(skill.Level, 1, 5));
    }

    public IEnumerable<KeyValuePair<int, Credit>> All => credits;

    public Credit Of(int skill) => credits.TryGetValue(skill, out var c) ? c : default;

    /// <summary>Credit of a required skill: value in [0, 1], strength when held directly, and the worker's skill it came from.</summary>
    public readonly record struct Credit(float Value, float Strength, int FromSkill, bool Direct);
}
