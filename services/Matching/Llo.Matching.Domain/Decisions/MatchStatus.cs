namespace Llo.Matching.Domain.Decisions;

/// <summary>Where a stored match stands: found by a run, proposed to the person by a coach, then accepted or rejected.</summary>
public enum MatchStatus
{
    Recommended,
    Proposed,
    Accepted,
    Rejected,
}

/// <summary>
/// The coach's decision rules (a match is a recommendation; a person decides with a coach): a recommendation can be
/// proposed or rejected, a proposal accepted or rejected; accepted and rejected are final. A rejection needs a reason.
/// </summary>
public static class MatchDecision
{
    public static bool IsFinal(MatchStatus status) => status is MatchStatus.Accepted or MatchStatus.Rejected;

    /// <summary>Null when the step is allowed; otherwise why not, in Dutch.</summary>
    public static string? Refusal(MatchStatus from, MatchStatus to, string? reason)
    {
        if (IsFinal(from))
        {
            return $"Over deze match is al besloten ({Dutch(from)}); een nieuw besluit kan niet meer.";
        }

        if (to == MatchStatus.Recommended)
        {
            return "Een besluit is voorstellen, accepteren of afwijzen.";
        }

        if (from == to)
        {
            return $"De match is al {Dutch(from)}.";
        }

        if (to == MatchStatus.Accepted && from != MatchStatus.Proposed)
        {
            return "Stel de match eerst aan de persoon voor; pas daarna kan die hem accepteren.";
        }

        if (to == MatchStatus.Rejected && string.IsNullOrWhiteSpace(reason))
        {
            return "Geef een reden bij een afwijzing.";
        }

        return null;
    }

    public static string Dutch(MatchStatus status) => status switch
    {
        MatchStatus.Recommended => "aanbevolen",
        MatchStatus.Proposed => "voorgesteld",
        MatchStatus.Accepted => "geaccepteerd",
        _ => "afgewezen",
    };
}
