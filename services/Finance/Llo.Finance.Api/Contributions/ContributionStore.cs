using Llo.Persistence;
using Npgsql;

namespace Llo.Finance.Api.Contributions;

/// <summary>One category's sums over a list of contributions, in cents.</summary>
public sealed record StoredContributionTotal(string Category, long Committed, long Invoiced, long Paid);

/// <summary>Reads and writes <c>partner_contributions</c>.</summary>
public static class ContributionStore
{
    private const string Select = $"SELECT {StoredContribution.Columns} FROM partner_contributions WHERE id = @id";

    public static Task<StoredContribution?> FindAsync(NpgsqlConnection connection, string id, CancellationToken ct) =>
        Rows.FindAsync<StoredContribution>(connection, null, Select, new { id }, ct);

    public static Task<StoredContribution?> LockAsync(NpgsqlTransaction tx, string id, CancellationToken ct) =>
        Rows.FindForUpdateAsync<StoredContribution>(tx, Select, new { id }, ct);

    /// <summary>Every contribution of <paramref name="year"/> (the planner's input), in a stable order.</summary>
    public static Task<IReadOnlyList<StoredContribution>> YearAsync(NpgsqlConnection connection, int year, CancellationToken ct) =>
        Rows.QueryAsync<StoredContribution>(connection, null,
            $"SELECT {StoredContribution.Columns} FROM partner_contributions WHERE year = @year ORDER BY created_at, id", new { year }, ct);

    /// <summary>True when the row was inserted, false when a contribution with the id was there already (seeding twice).</summary>
    public static async Task<bool> InsertAsync(NpgsqlTransaction tx, StoredContribution contribution, CancellationToken ct) =>
        await Rows.ExecuteAsync(tx,
            """
            INSERT INTO partner_contributions (id, organisation_id, partner, category, year, committed_cents, invoiced_cents, paid_cents, existing_budget,
                vat_recoverable, probability_percent, income_line_id, notes, confirmed_at, version, created_at, updated_at)
            VALUES (@Id, @OrganisationId, @Partner, @Category, @Year, @CommittedCents, @InvoicedCents, @PaidCents, @ExistingBudget,
                @VatRecoverable, @ProbabilityPercent, @IncomeLineId, @Notes, @ConfirmedAt, @Version, @CreatedAt, @UpdatedAt)
            ON CONFLICT (id) DO NOTHING
            """, contribution, ct) == 1;

    public static Task UpdateAsync(NpgsqlTransaction tx, StoredContribution contribution, CancellationToken ct) =>
        Rows.ExecuteAsync(tx,
            """
            UPDATE partner_contributions SET organisation_id = @OrganisationId, partner = @Partner, category = @Category, year = @Year,
                committed_cents = @CommittedCents, invoiced_cents = @InvoicedCents, paid_cents = @PaidCents, existing_budget = @ExistingBudget,
                vat_recoverable = @VatRecoverable, probability_percent = @ProbabilityPercent, income_line_id = @IncomeLineId, notes = @Notes,
                confirmed_at = @ConfirmedAt, version = @Version, updated_at = @UpdatedAt
            WHERE id = @Id
            """, contribution, ct);

    /// <summary>One page of the contributions matching the filters, and the category totals over all of them.</summary>
    public static async Task<(ListPage<StoredContribution> Page, IReadOnlyList<StoredContributionTotal> Totals)> ListAsync(
        NpgsqlConnection connection, int? year, Guid? organisationId, Page page, CancellationToken ct)
    {
        var query = new ListQuery("partner_contributions");
        if (year is { } y)
        {
            query.Filter("year = @year", "year", y);
        }

        if (organisationId is { } organisation)
        {
            query.Filter("organisation_id = @organisationId", "organisationId", organisation);
        }

        var rows = await query.PageAsync<StoredContribution>(connection, StoredContribution.Columns, "year, partner, id", page.Offset, page.Size, ct);
        var totals = await Rows.QueryAsync<StoredContributionTotal>(connection, null,
            $"""
            SELECT category, sum(committed_cents)::bigint AS committed, sum(invoiced_cents)::bigint AS invoiced, sum(paid_cents)::bigint AS paid
            FROM partner_contributions WHERE {query.Where} GROUP BY category ORDER BY category
            """, query.Parameters, ct);
        return (rows, totals);
    }
}
