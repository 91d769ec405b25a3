using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Llo.Identity.Api.Oidc;

/// <summary>
/// The scopes a client may ask for: two per service (<c>&lt;service&gt;.read</c>, <c>&lt;service&gt;.write</c>) plus the
/// OpenID ones. A service scope puts the audience <c>llo-&lt;service&gt;</c> into the access token.
/// </summary>
public static class LloScopes
{
    public static readonly IReadOnlyList<string> Services =
        ["inventory", "identity", "matching", "career-route", "hr-network", "finance"];

    public static readonly IReadOnlyList<string> ServiceScopes =
        [.. Services.SelectMany(service => new[] { $"{service}.read", $"{service}.write" })];

    public static readonly IReadOnlyList<string> All = [Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess, .. ServiceScopes];

    /// <summary>The audiences the scopes grant: <c>inventory.write</c> → <c>llo-inventory</c>, each once.</summary>
    public static IEnumerable<string> Audiences(IEnumerable<string> scopes) =>
        scopes.Where(ServiceScopes.Contains).Select(scope => "llo-" + scope[..scope.LastIndexOf('.')]).Distinct();
}
