using Llo.Hosting.Access;
using Llo.Identity.Api.Audit;
using Llo.Messaging.Audit;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace Llo.Identity.Api.Accounts;

/// <summary>
/// Checks a user name and password for the login page and the password grant. An unknown user, a wrong password, a
/// locked and an erased account give the same answer (null) after the same work (one hash verification and one small
/// write), so neither the answer nor its timing tells whether an address has an account. Five failures lock the
/// account for fifteen minutes. Every attempt leaves an audit entry naming the account by id (none for an unknown
/// address; the typed address is never recorded), in the transaction that counts the failure or clears it.
/// </summary>
public sealed class PasswordCheck(
    NpgsqlDataSource dataSource, UserStore users, PasswordHasher<StoredUser> hasher, AuditTrail audit, TimeProvider time)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>The ways in, as the audit entries name them.</summary>
    public const string LoginPage = "login-page";
    public const string PasswordGrant = "password-grant";

    // Verified against when the user is unknown, so that path costs what a real check costs.
    private readonly Lazy<string> _decoyHash = new(() => hasher.HashPassword(null!, Guid.NewGuid().ToString()));

    /// <summary>The user when the password is right and the account is neither locked nor erased; otherwise null.</summary>
    public async Task<StoredUser?> VerifyAsync(string? email, string? password, string channel, CancellationToken ct)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim(), ct);
        if (user is null)
        {
            hasher.VerifyHashedPassword(null!, _decoyHash.Value, password ?? "");
            await RecordAsync(null, "unknown-account", channel, null, ct);
            return null;
        }

        // An erased account has no hash left; the decoy keeps its timing like the others.
        var result = user.ErasedAt is null
            ? hasher.VerifyHashedPassword(user, user.PasswordHash, password ?? "")
            : hasher.VerifyHashedPassword(null!, _decoyHash.Value, password ?? "");
        var now = time.GetUtcNow();
        if (user.ErasedAt is not null)
        {
            await RecordAsync(user, "erased", channel, null, ct);
            return null;
        }

        if (user.LockedUntil > now)
        {
            await RecordAsync(user, "locked", channel, null, ct);
            return null;
        }

        if (result == PasswordVerificationResult.Failed)
        {
            await RecordAsync(user, "failed", channel,
                tx => UserStore.RecordFailureAsync(tx, user.UserId, MaxFailures, now + LockoutDuration, ct), ct);
            return null;
        }

        var rehash = result == PasswordVerificationResult.SuccessRehashNeeded ? hasher.HashPassword(user, password!) : null;
        await RecordAsync(user, "success", channel, tx => UserStore.RecordSuccessAsync(tx, user.UserId, rehash, ct), ct);
        return user;
    }

    /// <summary>
    /// The attempt's change (if any) and its audit entry in one transaction. After a success the user is the actor;
    /// otherwise nobody is known yet, so identity itself is.
    /// </summary>
    private async Task RecordAsync(StoredUser? user, string outcome, string channel, Func<NpgsqlTransaction, Task>? change, CancellationToken ct)
    {
        var actor = outcome == "success" && user is not null
            ? Caller.ForUser(user.UserId, user.OrganisationId, user.Roles)
            : audit.System;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (change is not null)
        {
            await change(tx);
        }

        await audit.RecordAsync(tx, actor, IdentityAudit.Login(user?.UserId, outcome, channel), ct);
        await tx.CommitAsync(ct);
    }
}
