namespace Llo.Hosting.Access;

/// <summary>
/// A named policy of a service: a user's token passes with one of <see cref="Roles"/>, a partner system's
/// (client-credentials) token with <see cref="Scope"/>. Either list may be empty, which shuts that kind of caller out.
/// </summary>
public sealed record AccessPolicy(string Name, IReadOnlyCollection<string> Roles, string? Scope)
{
    public bool Allows(Caller caller) => caller.IsClient
        ? Scope is not null && caller.HasScope(Scope)
        : caller.IsAuthenticated && Roles.Any(caller.HasRole);
}
