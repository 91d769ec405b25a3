using System.Security.Claims;
using Llo.Identity.Api.Accounts;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Llo.Identity.Api.Oidc;

/// <summary>
/// The claims of a token, as the identity contract fixes them: <c>sub</c>, <c>org</c>, one <c>role</c> per role,
/// the granted scopes and one audience <c>llo-&lt;service&gt;</c> per service scope; <c>name</c> only in the id token.
/// </summary>
public static class CallerPrincipal
{
    public const string OrganisationClaim = "org";

    public static ClaimsPrincipal ForUser(StoredUser user, IEnumerable<string> scopes)
    {
        var identity = NewIdentity(user.UserId.ToString("D"), user.OrganisationId, scopes);
        identity.SetClaim(Claims.Name, user.DisplayName);
        identity.SetClaims(Claims.Role, [.. user.Roles]);
        return Finish(identity);
    }

    public static ClaimsPrincipal ForClient(string clientId, Guid organisationId, IEnumerable<string> scopes) =>
        Finish(NewIdentity(clientId, organisationId, scopes));

    private static ClaimsIdentity NewIdentity(string subject, Guid organisationId, IEnumerable<string> scopes)
    {
        var granted = scopes.ToList();
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, subject);
        identity.SetClaim(OrganisationClaim, organisationId.ToString("D"));
        identity.SetScopes(granted);
        identity.SetResources(LloScopes.Audiences(granted));
        return identity;
    }

    private static ClaimsPrincipal Finish(ClaimsIdentity identity)
    {
        var profile = identity.HasScope(Scopes.Profile);
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Name => profile ? [Destinations.IdentityToken] : [],
            _ => [Destinations.AccessToken, Destinations.IdentityToken],
        });
        return new ClaimsPrincipal(identity);
    }
}
