namespace Llo.Finance.Domain.Applications;

/// <summary>
/// The steps an application may take: a draft is submitted or dropped (withdrawn); a submitted application is granted
/// in full or in part, rejected, or withdrawn; a partial grant may still become a full one (after an objection or a
/// top-up); a granted application may be withdrawn when the money is renounced. Rejected and withdrawn are final: a
/// new attempt is a new application, so the history of the old one stays true.
/// </summary>
public static class ApplicationWorkflow
{
    private static readonly Dictionary<FundingApplicationStatus, FundingApplicationStatus[]> Allowed = new()
    {
        [FundingApplicationStatus.Draft] = [FundingApplicationStatus.Submitted, FundingApplicationStatus.Withdrawn],
        [FundingApplicationStatus.Submitted] =
        [
            FundingApplicationStatus.GrantedInFull,
            FundingApplicationStatus.GrantedInPart,
            FundingApplicationStatus.Rejected,
            FundingApplicationStatus.Withdrawn,
        ],
        [FundingApplicationStatus.GrantedInPart] = [FundingApplicationStatus.GrantedInFull, FundingApplicationStatus.Withdrawn],
        [FundingApplicationStatus.GrantedInFull] = [FundingApplicationStatus.Withdrawn],
        [FundingApplicationStatus.Rejected] = [],
        [FundingApplicationStatus.Withdrawn] = [],
    };

    public static bool CanMove(FundingApplicationStatus from, FundingApplicationStatus to) =>
        Allowed.TryGetValue(from, out var targets) && targets.Contains(to);

    public static IReadOnlyList<FundingApplicationStatus> From(FundingApplicationStatus from) =>
        Allowed.TryGetValue(from, out var targets) ? targets : [];

    public static bool IsGranted(FundingApplicationStatus status) =>
        status is FundingApplicationStatus.GrantedInFull or FundingApplicationStatus.GrantedInPart;

    /// <summary>Still waiting for a decision: counts in a forecast with its probability.</summary>
    public static bool IsUndecided(FundingApplicationStatus status) =>
        status is FundingApplicationStatus.Draft or FundingApplicationStatus.Submitted;

    public static string Dutch(FundingApplicationStatus status) => status switch
    {
        FundingApplicationStatus.Draft => "concept",
        FundingApplicationStatus.Submitted => "ingediend",
        FundingApplicationStatus.GrantedInFull => "volledig toegekend",
        FundingApplicationStatus.GrantedInPart => "gedeeltelijk toegekend",
        FundingApplicationStatus.Rejected => "afgewezen",
        FundingApplicationStatus.Withdrawn => "ingetrokken",
        _ => status.ToString(),
    };

    /// <summary>Why the step is refused, naming it and what is possible instead.</summary>
    public static string RefusalFor(FundingApplicationStatus from, FundingApplicationStatus to)
    {
        var options = From(from);
        var instead = options.Count == 0
            ? $"een {Dutch(from)} aanvraag verandert niet meer van status; dien zo nodig een nieuwe aanvraag in."
            : "mogelijk is: " + string.Join(", ", options.Select(o => $"'{Dutch(o)}'")) + ".";
        return $"De stap van '{Dutch(from)}' naar '{Dutch(to)}' is niet toegestaan: {instead}";
    }
}
