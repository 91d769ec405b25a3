using Llo.Persistence;
using Npgsql;

namespace Llo.Identity.Api.Accounts;

/// <summary>The SQL of the users table.</summary>
public sealed class UserStore(NpgsqlDataSource dataSource)
{
    public const string Columns =
        "user_id, organisation_id, email, display_name, password_hash, roles, failed_logins, locked_until, version, created_at, updated_at, erased_at";

    public async Task<StoredUser?> FindByEmailAsync(string email, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await Rows.FindAsync<StoredUser>(connection, null,
            $"SELECT {Columns} FROM users WHERE lower(email) = lower(@email)", new { email }, ct);
    }

    public async Task<StoredUser?> FindAsync(Guid userId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await Rows.FindAsync<StoredUser>(connection, null, $"SELECT {Columns} FROM users WHERE user_id = @userId", new { userId }, ct);
    }

    /// <summary>The user, or null when unknown or erased: for every path that lets a person in or acts on them.</summary>
    public async Task<StoredUser?> FindActiveAsync(Guid userId, CancellationToken ct) =>
        await FindAsync(userId, ct) is { ErasedAt: null } user ? user : null;

    public async Task<ListPage<StoredUser>> ListAsync(Guid organisationId, Page page, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await new ListQuery("users").Filter("organisation_id = @organisationId", "organisationId", organisationId)
            .PageAsync<StoredUser>(connection, Columns, "lower(email), user_id", page.Offset, page.Size, ct);
    }

    public static Task<StoredUser?> LockAsync(NpgsqlTransaction tx, Guid userId, CancellationToken ct) =>
        Rows.FindForUpdateAsync<StoredUser>(tx, $"SELECT {Columns} FROM users WHERE user_id = @userId", new { userId }, ct);

    public static Task UpdateRolesAsync(NpgsqlTransaction tx, StoredUser user, CancellationToken ct) =>
        Rows.ExecuteAsync(tx, "UPDATE users SET roles = @Roles, version = @Version, updated_at = @UpdatedAt WHERE user_id = @UserId", user, ct);

    /// <summary>Inserts the user unless the e-mail address is taken; true when inserted.</summary>
    public static async Task<bool> InsertAsync(NpgsqlTransaction tx, StoredUser user, CancellationToken ct) =>
        await Rows.ExecuteAsync(tx,
            """
            INSERT INTO users (user_id, organisation_id, email, display_name, password_hash, roles, failed_logins, locked_until, version, created_at, updated_at)
            VALUES (@UserId, @OrganisationId, @Email, @DisplayName, @PasswordHash, @Roles, 0, NULL, 1, @CreatedAt, @UpdatedAt)
            ON CONFLICT ((lower(email))) DO NOTHING
            """, user, ct) == 1;

    /// <summary>
    /// Counts a failed password in one statement (two failures at once both count); the failure that reaches
    /// <paramref name="maxFailures"/> locks the account until <paramref name="lockUntil"/> and starts the count again.
    /// </summary>
    public static Task RecordFailureAsync(NpgsqlTransaction tx, Guid userId, int maxFailures, DateTimeOffset lockUntil, CancellationToken ct) =>
        Rows.ExecuteAsync(tx,
            """
            UPDATE users SET
                locked_until = CASE WHEN failed_logins + 1 >= @maxFailures THEN @lockUntil ELSE locked_until END,
                failed_logins = CASE WHEN failed_logins + 1 >= @maxFailures THEN 0 ELSE failed_logins + 1 END
            WHERE user_id = @userId
            """, new { userId, maxFailures, lockUntil }, ct);

    /// <summary>A correct password clears the failure count and the lock, and stores a rehash when the hasher asks for one.</summary>
    public static Task RecordSuccessAsync(NpgsqlTransaction tx, Guid userId, string? newHash, CancellationToken ct) =>
        Rows.ExecuteAsync(tx,
            """
            UPDATE users SET failed_logins = 0, locked_until = NULL, password_hash = coalesce(@newHash, password_hash)
            WHERE user_id = @userId AND (failed_logins <> 0 OR locked_until IS NOT NULL OR @newHash IS NOT NULL)
            """, new { userId, newHash }, ct);
}
