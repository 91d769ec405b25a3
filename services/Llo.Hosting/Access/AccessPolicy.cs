namespace Llo.Hosting.Access;

/// <summary>
/// A named policy of a service: a user's token passes with one of <see cref="Roles"/> (and <see cref="UserScope"/> when
/// set), a partner system's (client-credentials) token with <see cref="Scope"/>. Either list may be empty, which shuts
/// that kind of caller out.
/// </summary>
public sealed record AccessPolicy(string Name, IReadOnlyCollection<string> Roles, string? Scope)
{
    /// <summary>
    /// A scope a user's token must carry besides the role; null (the usual case): the role suffices, since the audience
    /// already says the token is meant for this service. For a write that a login with only the read scope may not make.
    /// </summary>
    public string? UserScope { get; init; }

    public bool Allows(Caller caller) => caller.IsClient
        ? Scope is not null && caller.HasScope(Scope)
        : caller.IsAuthenticated && Roles.Any(caller.HasRole) && (UserScope is null || caller.HasScope(UserScope));
}
