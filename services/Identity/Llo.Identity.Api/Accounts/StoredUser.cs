namespace Llo.Identity.Api.Accounts;

/// <summary>
/// A user row: the e-mail address is the user name; <see cref="LockedUntil"/> is set after too many failed logins.
/// Properties rather than a positional record, because Npgsql reports a <c>text[]</c> column as <c>System.Array</c>,
/// which Dapper cannot match to a constructor parameter.
/// </summary>
public sealed record StoredUser
{
    public Guid UserId { get; init; }
    public Guid OrganisationId { get; init; }
    public string Email { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string PasswordHash { get; init; } = "";
    public string[] Roles { get; init; } = [];
    public int FailedLogins { get; init; }
    public DateTimeOffset? LockedUntil { get; init; }
    public int Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Set when the person's data was erased: the anonymised row stays, but nobody logs in or refreshes a token as it.</summary>
    public DateTimeOffset? ErasedAt { get; init; }
}
