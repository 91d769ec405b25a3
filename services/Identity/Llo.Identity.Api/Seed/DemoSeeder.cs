using Dapper;
using Llo.Identity.Api.Accounts;
using Llo.Identity.Api.Organisations;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace Llo.Identity.Api.Seed;

/// <summary>
/// At start, after the schema: the platform's clients and, unless <c>Identity:DemoUsers</c> is false, the two demo
/// organisations with one user per role in each. Idempotent: what exists is left alone.
/// </summary>
public sealed class DemoSeeder(
    IServiceScopeFactory scopes, NpgsqlDataSource dataSource, PasswordHasher<StoredUser> hasher,
    IConfiguration configuration, TimeProvider time, ILogger<DemoSeeder> logger) : IHostedService
{
    private const long LockId = 0x11d_5eed;

    public async Task StartAsync(CancellationToken ct)
    {
        // Instances starting at once take turns: both would update the same client rows, and OpenIddict's concurrency
        // token would stop one start. The lock is held by this transaction until seeding is done (or has failed).
        await using var turn = await dataSource.OpenConnectionAsync(ct);
        await using var lockTx = await turn.BeginTransactionAsync(ct);
        await turn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@LockId)", new { LockId }, lockTx, cancellationToken: ct));

        var demo = configuration.GetValue("Identity:DemoUsers", true);
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ClientSeeder>().SeedAsync(demo, ct);
        }

        if (demo)
        {
            var added = await SeedUsersAsync(ct);
            logger.LogInformation("Demo organisations and users present ({Added} users added)", added);
        }

        await lockTx.CommitAsync(ct);
    }

    private async Task<int> SeedUsersAsync(CancellationToken ct)
    {
        var now = StoredTime.Now(time);
        // One hash for all demo users: they share the published demo password anyway, and hashing 22 times costs seconds.
        var hash = hasher.HashPassword(null!, DemoAccounts.Password);
        var added = 0;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        for (var index = 0; index < DemoAccounts.Organisations.Length; index++)
        {
            var (id, name, _, shortName) = DemoAccounts.Organisations[index];
            await OrganisationStore.InsertAsync(tx, new StoredOrganisation(id, name, 1, now, now), ct);
            foreach (var (role, label) in Roles.DutchLabels)
            {
                var user = new StoredUser
                {
                    UserId = Llo.Contracts.Demo.DemoUsers.IdOf(role, index + 1) ?? Guid.CreateVersion7(), OrganisationId = id, Email = DemoAccounts.Email(role, index + 1),
                    DisplayName = $"{label} {shortName}", PasswordHash = hash, Roles = [role], Version = 1, CreatedAt = now, UpdatedAt = now,
                };
                added += await UserStore.InsertAsync(tx, user, ct) ? 1 : 0;
            }
        }

        await tx.CommitAsync(ct);
        return added;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
