namespace Llo.Matching.Domain.Twins;

/// <summary>Where a person stands in social circularity: the move the platform helps them make.</summary>
public enum WorkPhase
{
    SchoolToWork,
    WorkToWork,
    HomeToWork,
    Returner,
}
