using Llo.Persistence;
using Npgsql;

namespace Llo.Finance.Api.RateCards;

/// <summary>Reads and writes <c>rate_card_roles</c>.</summary>
public static class RateCardStore
{
    private const string Select = $"SELECT {StoredRateCardRole.Columns} FROM rate_card_roles";

    public static Task<IReadOnlyList<StoredRateCardRole>> YearAsync(NpgsqlConnection connection, int year, CancellationToken ct) =>
        Rows.QueryAsync<StoredRateCardRole>(connection, null, $"{Select} WHERE year = @year ORDER BY position, role_id", new { year }, ct);

    /// <summary>
    /// Makes the rate card's writers take turns until <paramref name="tx"/> ends: a role's staffing lines are
    /// checked against the other roles of its year, and the budget version a change publishes is numbered after the latest.
    /// </summary>
    public static Task LockCardAsync(NpgsqlTransaction tx, CancellationToken ct) =>
        Rows.ExecuteAsync(tx, "SELECT pg_advisory_xact_lock(hashtext('finance.rate-card'))", null, ct);

    public static Task<StoredRateCardRole?> LockAsync(NpgsqlTransaction tx, int year, string roleId, CancellationToken ct) =>
        Rows.FindForUpdateAsync<StoredRateCardRole>(tx, $"{Select} WHERE year = @year AND role_id = @roleId", new { year, roleId }, ct);

    /// <summary>True when the row was inserted, false when the role was there already (seeding twice).</summary>
    public static async Task<bool> InsertAsync(NpgsqlTransaction tx, StoredRateCardRole role, CancellationToken ct) =>
        await Rows.ExecuteAsync(tx,
            """
            INSERT INTO rate_card_roles (year, role_id, position, name, hourly_rate_cents, hours_per_week, weeks_per_year, assignments, version, updated_at)
            VALUES (@Year, @RoleId, @Position, @Name, @HourlyRateCents, @HoursPerWeek, @WeeksPerYear, @Assignments::jsonb, @Version, @UpdatedAt)
            ON CONFLICT (year, role_id) DO NOTHING
            """, role, ct) == 1;

    public static Task UpdateAsync(NpgsqlTransaction tx, StoredRateCardRole role, CancellationToken ct) =>
        Rows.ExecuteAsync(tx,
            """
            UPDATE rate_card_roles SET name = @Name, hourly_rate_cents = @HourlyRateCents, hours_per_week = @HoursPerWeek,
                weeks_per_year = @WeeksPerYear, assignments = @Assignments::jsonb, version = @Version, updated_at = @UpdatedAt
            WHERE year = @Year AND role_id = @RoleId
            """, role, ct);
}
