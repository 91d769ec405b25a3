using Llo.Inventory.Domain.Projects;

namespace Llo.Inventory.Domain.Scaling;

/// <summary>
/// Scaling up (plan: "het opschalen van kansrijke initiatieven en pilots naar regionaal niveau"): only a pilot is
/// proposed, one proposal awaits the board at a time, the board's decision is final (after a deferral the pilot is
/// proposed again with a fresh assessment), and approval makes the project scaled.
/// </summary>
public static class ScalingRules
{
    public static bool CanBeProposed(ProjectStatus status, bool archived) => status == ProjectStatus.Pilot && !archived;

    public static bool RequiresReason(ScalingDecision decision) => decision != ScalingDecision.Approved;

    /// <summary>The project's status after the decision, or null when the decision leaves it as it is.</summary>
    public static ProjectStatus? StatusAfter(ScalingDecision decision) =>
        decision == ScalingDecision.Approved ? ProjectStatus.Scaled : null;

    public static string Dutch(ScalingDecision decision) => decision switch
    {
        ScalingDecision.Approved => "goedgekeurd",
        ScalingDecision.Declined => "afgewezen",
        ScalingDecision.Deferred => "aangehouden",
        _ => decision.ToString(),
    };
}
