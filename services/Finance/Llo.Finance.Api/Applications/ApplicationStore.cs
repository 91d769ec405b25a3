using Llo.Persistence;
using Npgsql;

namespace Llo.Finance.Api.Applications;

/// <summary>Reads and writes <c>funding_applications</c>.</summary>
public static class ApplicationStore
{
    private const string Select = $"SELECT {StoredApplication.Columns} FROM funding_applications WHERE id = @id";

    public static Task<StoredApplication?> FindAsync(NpgsqlConnection connection, string id, CancellationToken ct) =>
        Rows.FindAsync<StoredApplication>(connection, null, Select, new { id }, ct);

    public static Task<StoredApplication?> LockAsync(NpgsqlTransaction tx, string id, CancellationToken ct) =>
        Rows.FindForUpdateAsync<StoredApplication>(tx, Select, new { id }, ct);

    /// <summary>Every funder some application names, as it names it.</summary>
    public static Task<IReadOnlyList<string>> FundersAsync(NpgsqlConnection connection, CancellationToken ct) =>
        Rows.QueryAsync<string>(connection, null, "SELECT DISTINCT unnest(funders) FROM funding_applications", null, ct);

    /// <summary>True when the row was inserted, false when an application with the id was there already (seeding twice).</summary>
    public static async Task<bool> InsertAsync(NpgsqlTransaction tx, StoredApplication application, CancellationToken ct) =>
        await Rows.ExecuteAsync(tx,
            """
            INSERT INTO funding_applications (id, title, funders, lead_applicant, requested, probability_percent, status, granted, notes, income_line_id, version, created_at, updated_at)
            VALUES (@Id, @Title, ARRAY(SELECT jsonb_array_elements_text(@Funders::jsonb)), @LeadApplicant, @Requested::jsonb, @ProbabilityPercent, @Status, @Granted::jsonb, @Notes, @IncomeLineId, @Version, @CreatedAt, @UpdatedAt)
            ON CONFLICT (id) DO NOTHING
            """, application, ct) == 1;

    public static Task UpdateStatusAsync(NpgsqlTransaction tx, StoredApplication application, CancellationToken ct) =>
        Rows.ExecuteAsync(tx,
            "UPDATE funding_applications SET status = @Status, granted = @Granted::jsonb, version = @Version, updated_at = @UpdatedAt WHERE id = @Id",
            application, ct);

    public static Task<ListPage<StoredApplication>> ListAsync(NpgsqlConnection connection, Page page, CancellationToken ct) =>
        new ListQuery("funding_applications").PageAsync<StoredApplication>(connection, StoredApplication.Columns, "created_at, id", page.Offset, page.Size, ct);
}
