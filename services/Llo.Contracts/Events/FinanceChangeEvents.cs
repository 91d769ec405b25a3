namespace Llo.Contracts.Events;

// Like the other finance events: ids, years, statuses and amounts in cents excluding VAT; no partner names, role names
// or notes. Readers fetch the rest over the finance API.

/// <summary>
/// A partner contribution was recorded, changed or confirmed (aggregate = contribution id, version as stored).
/// <c>Change</c> is "Recorded", "Changed" or "Confirmed"; <c>ChangedFields</c> names the contract fields an update changed
/// ("committed", "paid"), empty otherwise. The amounts are the contribution as it now stands.
/// </summary>
[IntegrationEvent("finance.partner-contribution-changed")]
public sealed record PartnerContributionChanged(
    string ContributionId,
    long Version,
    string Change,
    Guid OrganisationId,
    string Category,
    int Year,
    long CommittedCents,
    long InvoicedCents,
    long PaidCents,
    bool Confirmed,
    IReadOnlyList<string> ChangedFields) : IntegrationEvent;

/// <summary>
/// A role of a year's rate card changed (aggregate "rate-card/{year}/{roleId}", version = the role's version), with its
/// rate, hours and weeks as they now stand and its whole-year cost. <c>BudgetVersion</c> is the budget version the change
/// published (its own <see cref="BudgetVersionPublished"/> follows), null when no budget line's amount changed.
/// </summary>
[IntegrationEvent("finance.rate-card-role-changed")]
public sealed record RateCardRoleChanged(
    int Year,
    string RoleId,
    long Version,
    long HourlyRateCents,
    decimal HoursPerWeek,
    decimal WeeksPerYear,
    long YearlyCostCents,
    IReadOnlyList<string> ChangedFields,
    int? BudgetVersion) : IntegrationEvent;
