using V1 = Llo.Contracts.Finance.V1;

namespace Llo.Finance.Api.Planning;

/// <summary>The upper bounds of the planner's request lists (the domain computes at most 20 scenarios at once).</summary>
public static class PlanLists
{
    public static readonly ListBound Scenarios = ListBound.Of(V1.RealisePlanRequest.Descriptor, "scenarios", 20, "scenario's");

    public static readonly ListBound Rules = ListBound.Of(V1.RealisePlanRequest.Descriptor, "co_financing_rules", 20, "cofinancieringsregels");

    public static readonly ListBound Changes = ListBound.Of(V1.PlanScenario.Descriptor, "changes", 20, "wijzigingen");

    public static IReadOnlyList<ListBound> All => [Scenarios, Rules, Changes];
}
