using Llo.Finance.Domain.Contributions;
using Llo.Persistence;

namespace Llo.Finance.Api.Contributions;

/// <summary>
/// A contribution as <c>partner_contributions</c> holds it (columns in constructor order). <see cref="ToDomain"/> gives
/// the domain contribution the totals, VAT and the planner work with.
/// </summary>
public sealed record StoredContribution(
    string Id,
    Guid OrganisationId,
    string Partner,
    string Category,
    int Year,
    long CommittedCents,
    long InvoicedCents,
    long PaidCents,
    bool? ExistingBudget,
    bool VatRecoverable,
    int ProbabilityPercent,
    string? IncomeLineId,
    string? Notes,
    DateTimeOffset? ConfirmedAt,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt) : IVersioned
{
    public const string Columns =
        "id, organisation_id, partner, category, year, committed_cents, invoiced_cents, paid_cents, existing_budget, vat_recoverable, " +
        "probability_percent, income_line_id, notes, confirmed_at, version, created_at, updated_at";

    public PartnerCategory CategoryValue => Enum.Parse<PartnerCategory>(Category);

    public PartnerContribution ToDomain() => new(
        Id, Partner, CategoryValue, Year, CommittedCents / 100m, InvoicedCents / 100m, PaidCents / 100m, ExistingBudget, VatRecoverable,
        ProbabilityPercent / 100m, IncomeLineId, Notes);
}
