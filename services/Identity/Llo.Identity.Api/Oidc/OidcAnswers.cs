using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace Llo.Identity.Api.Oidc;

/// <summary>OpenIddict's answers for the passthrough endpoints: a token (sign-in) or an OAuth error (forbid).</summary>
public static class OidcAnswers
{
    public static IResult Issue(System.Security.Claims.ClaimsPrincipal principal) =>
        Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    /// <summary>An OAuth error (<c>invalid_grant</c>, <c>login_required</c> …) with a Dutch description.</summary>
    public static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
