namespace Llo.Contracts.Events;

// Finance events carry numbers, ids, statuses and amounts in cents excluding VAT: no titles or notes, which the
// programme types freely. Readers fetch the rest over the finance API.

/// <summary>A budget version was published (the plan's first one, an import): readers fetch it by number.</summary>
[IntegrationEvent("finance.budget-version-published")]
public sealed record BudgetVersionPublished(int Number, DateOnly Date, int FirstYear, int LastYear, int IncomeLineCount, int ExpenseLineCount) : IntegrationEvent;

/// <summary>
/// The funders decided on an application: <c>Status</c> is the domain's name (GrantedInFull, GrantedInPart, Rejected);
/// <c>GrantedCents</c> is what was granted per year in cents excluding VAT, empty when rejected.
/// </summary>
[IntegrationEvent("finance.funding-application-decided")]
public sealed record FundingApplicationDecided(
    string ApplicationId,
    long Version,
    string Status,
    IReadOnlyList<string> Funders,
    IReadOnlyDictionary<int, long> GrantedCents,
    string? IncomeLineId) : IntegrationEvent;
