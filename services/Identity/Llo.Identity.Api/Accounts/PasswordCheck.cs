using Microsoft.AspNetCore.Identity;

namespace Llo.Identity.Api.Accounts;

/// <summary>
/// Checks a user name and password for the login page and the password grant. An unknown user, a wrong password and a
/// locked account give the same answer (null) after the same work (one hash verification), so neither the answer nor
/// its timing tells whether an address has an account. Five failures lock the account for fifteen minutes.
/// </summary>
public sealed class PasswordCheck(UserStore users, PasswordHasher<StoredUser> hasher, TimeProvider time)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    // Verified against when the user is unknown, so that path costs what a real check costs.
    private readonly Lazy<string> _decoyHash = new(() => hasher.HashPassword(null!, Guid.NewGuid().ToString()));

    /// <summary>The user when the password is right and the account is not locked; otherwise null.</summary>
    public async Task<StoredUser?> VerifyAsync(string? email, string? password, CancellationToken ct)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim(), ct);
        if (user is null)
        {
            hasher.VerifyHashedPassword(null!, _decoyHash.Value, password ?? "");
            return null;
        }

        var result = hasher.VerifyHashedPassword(user, user.PasswordHash, password ?? "");
        var now = time.GetUtcNow();
        if (user.LockedUntil > now)
        {
            return null;
        }

        if (result == PasswordVerificationResult.Failed)
        {
            await users.RecordFailureAsync(user.UserId, MaxFailures, now + LockoutDuration, ct);
            return null;
        }

        var rehash = result == PasswordVerificationResult.SuccessRehashNeeded ? hasher.HashPassword(user, password!) : null;
        await users.RecordSuccessAsync(user.UserId, rehash, ct);
        return user;
    }
}
