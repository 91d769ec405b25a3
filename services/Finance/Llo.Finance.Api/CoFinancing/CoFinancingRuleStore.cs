using Llo.Persistence;
using Npgsql;

namespace Llo.Finance.Api.CoFinancing;

/// <summary>Reads and writes <c>co_financing_rules</c>.</summary>
public static class CoFinancingRuleStore
{
    private const string Select = $"SELECT {StoredCoFinancingRule.Columns} FROM co_financing_rules WHERE id = @id";

    public static Task<StoredCoFinancingRule?> FindAsync(NpgsqlConnection connection, Guid id, CancellationToken ct) =>
        Rows.FindAsync<StoredCoFinancingRule>(connection, null, Select, new { id }, ct);

    public static Task<StoredCoFinancingRule?> LockAsync(NpgsqlTransaction tx, Guid id, CancellationToken ct) =>
        Rows.FindForUpdateAsync<StoredCoFinancingRule>(tx, Select, new { id }, ct);

    /// <summary>Every rule (of one funder when given, case-insensitive), by funder and first year.</summary>
    public static Task<IReadOnlyList<StoredCoFinancingRule>> ListAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string? funder, CancellationToken ct) =>
        Rows.QueryAsync<StoredCoFinancingRule>(connection, tx,
            $"""
            SELECT {StoredCoFinancingRule.Columns} FROM co_financing_rules
            WHERE @funder::text IS NULL OR lower(funder) = lower(@funder)
            ORDER BY lower(funder), first_year NULLS FIRST, id
            """, new { funder }, ct);

    /// <summary>
    /// Writers of rules take turns, so that two of them never store overlapping years for one funder; readers (the
    /// planner) are not held up.
    /// </summary>
    public static Task LockTableAsync(NpgsqlTransaction tx, CancellationToken ct) =>
        Rows.ExecuteAsync(tx, "LOCK TABLE co_financing_rules IN SHARE ROW EXCLUSIVE MODE", null, ct);

    public static Task InsertAsync(NpgsqlTransaction tx, StoredCoFinancingRule rule, CancellationToken ct) =>
        Rows.ExecuteAsync(tx,
            """
            INSERT INTO co_financing_rules (id, funder, required_own_share_percent, first_year, last_year, source, version, created_at, updated_at)
            VALUES (@Id, @Funder, @RequiredOwnSharePercent, @FirstYear, @LastYear, @Source, @Version, @CreatedAt, @UpdatedAt)
            """, rule, ct);

    public static Task UpdateAsync(NpgsqlTransaction tx, StoredCoFinancingRule rule, CancellationToken ct) =>
        Rows.ExecuteAsync(tx,
            """
            UPDATE co_financing_rules SET funder = @Funder, required_own_share_percent = @RequiredOwnSharePercent, first_year = @FirstYear,
                last_year = @LastYear, source = @Source, version = @Version, updated_at = @UpdatedAt
            WHERE id = @Id
            """, rule, ct);

    public static Task DeleteAsync(NpgsqlTransaction tx, Guid id, CancellationToken ct) =>
        Rows.ExecuteAsync(tx, "DELETE FROM co_financing_rules WHERE id = @id", new { id }, ct);
}
