using V1 = Llo.Contracts.Finance.V1;

namespace Llo.Finance.Api.CoFinancing;

/// <summary>A stored rule as the wire carries it: open years as 0.</summary>
public static class CoFinancingRuleContract
{
    public static V1.CoFinancingRuleFields Fields(StoredCoFinancingRule stored) => new()
    {
        Funder = stored.Funder,
        RequiredOwnSharePercent = stored.RequiredOwnSharePercent,
        FirstYear = stored.FirstYear ?? 0,
        LastYear = stored.LastYear ?? 0,
        Source = stored.Source ?? "",
    };

    public static V1.CoFinancingRuleRecord ToContract(this StoredCoFinancingRule stored) => new()
    {
        Id = stored.Id.ToString("D"), Fields = Fields(stored), Version = stored.Version,
    };
}
