namespace Llo.Matching.Domain.Scoring;

/// <summary>
/// The factors of a match, each in [0, 1], in the order of the factor vector. The score is the weight vector's dot
/// product with it, so a learned model replaces <see cref="ScoringWeights"/> and every explanation stays the same.
/// Age, gender, origin and postcode are not factors and are not in the profiles at all.
/// </summary>
public enum MatchFactor
{
    EssentialSkills,
    OptionalSkills,
    SkillStrength,
    Hours,
    PhysicalLoad,
    MentalLoad,
    SectorPreference,
    Municipality,
}

/// <summary>A weight per <see cref="MatchFactor"/> and a version, recorded with every match run.</summary>
public sealed class ScoringWeights
{
    public const int FactorCount = 8;

    public ScoringWeights(string version, double[] weights)
    {
        if (weights.Length != FactorCount)
        {
            throw new ArgumentException($"Expected {FactorCount} weights, got {weights.Length}.", nameof(weights));
        }

        Version = version;
        Weights = weights;
    }

    /// <summary>Hand-set weights (essential skills first); they sum to 1, so a perfect match scores 1.</summary>
    public static ScoringWeights Default { get; } = new("hand-v1", [0.40, 0.10, 0.10, 0.12, 0.08, 0.08, 0.07, 0.05]);

    public string Version { get; }

    public double[] Weights { get; }

    public double Score(ReadOnlySpan<double> factors)
    {
        var score = 0.0;
        for (var i = 0; i < FactorCount; i++)
        {
            score += Weights[i] * factors[i];
        }

        return score;
    }
}
