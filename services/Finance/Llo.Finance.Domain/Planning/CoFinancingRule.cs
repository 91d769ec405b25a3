namespace Llo.Finance.Domain.Planning;

/// <summary>
/// A funder's demand for an own contribution: at least <see cref="RequiredOwnShare"/> of the costs it helps pay must
/// come from others (0.5 = half). The costs are the expense lines the application names, or else the year's whole
/// planned budget.
/// </summary>
public sealed record CoFinancingRule
{
    public CoFinancingRule(string funder, decimal requiredOwnShare)
    {
        if (string.IsNullOrWhiteSpace(funder))
        {
            throw new FinanceRuleViolation("funder", "Noem de financier van de cofinancieringsregel.");
        }

        if (requiredOwnShare is <= 0m or >= 1m)
        {
            throw new FinanceRuleViolation("requiredOwnShare", $"{funder}: de verplichte eigen bijdrage ligt tussen 0 en 1 (bv. 0,5 voor de helft).");
        }

        Funder = funder;
        RequiredOwnShare = requiredOwnShare;
    }

    public string Funder { get; }

    public decimal RequiredOwnShare { get; }
}
