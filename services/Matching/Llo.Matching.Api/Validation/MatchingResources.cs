namespace Llo.Matching.Api.Validation;

/// <summary>The matching service's resources, named in Dutch once for id, not-found and stale-version answers.</summary>
public static class MatchingResources
{
    public static readonly Resource Worker = new("Werkende", "de", "werkende-id");

    public static readonly Resource Employer = new("Werkgever", "de", "werkgever-id");

    public static readonly Resource Job = new("Functie", "de", "functie-id");

    public static readonly Resource Training = new("Opleiding", "de", "opleiding-id");

    public static readonly Resource Match = new("Match", "de", "match-id");
}
