namespace Llo.Matching.Domain.Scoring;

/// <summary>
/// Why a job scored what it scored: the factor vector with each factor's contribution (weight × value), the skills
/// that matched (directly, or "similar to your X"), the essential and optional skills missing, and for each missing
/// skill the score the match would have once that gap is closed.
/// </summary>
public sealed record MatchExplanation(
    double Score,
    string ScoringVersion,
    IReadOnlyList<FactorScore> Factors,
    IReadOnlyList<MatchedSkill> MatchedSkills,
    IReadOnlyList<int> MissingEssential,
    IReadOnlyList<int> MissingOptional,
    IReadOnlyList<GapClosure> GapClosures);

public sealed record FactorScore(MatchFactor Factor, double Value, double Weight, double Contribution);

/// <summary>A required skill the worker covers: <see cref="Direct"/>, or similar to their <see cref="SimilarTo"/> with that credit.</summary>
public sealed record MatchedSkill(int SkillId, bool Essential, bool Direct, int? SimilarTo, double Credit);

/// <summary>The score after the worker acquires <see cref="SkillId"/> (as a claimed skill at level 3).</summary>
public sealed record GapClosure(int SkillId, bool Essential, double ScoreAfter, double Gain);
