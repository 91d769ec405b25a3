using Llo.Hosting.Access;
using Llo.Identity.Api.Accounts;
using Llo.Identity.Api.Audit;
using Llo.Messaging.Audit;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Llo.Identity.Api.Oidc;

/// <summary><c>/connect/userinfo</c> (who the access token's user is) and <c>/connect/logout</c> (end the login cookie).</summary>
public static class SessionEndpoints
{
    public static void MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/userinfo", [HttpMethods.Get, HttpMethods.Post], UserInfoAsync)
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        app.MapMethods("/connect/logout", [HttpMethods.Get, HttpMethods.Post], LogoutAsync)
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
    }

    private static async Task<IResult> UserInfoAsync(HttpContext http, UserStore users, AuditTrail audit, CancellationToken ct)
    {
        var token = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var user = Guid.TryParse(token.Principal?.GetClaim(Claims.Subject), out var userId) ? await users.FindActiveAsync(userId, ct) : null;
        if (user is null)
        {
            return Results.Challenge(properties: null, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        // The answer is the user's own account, read with their token: they are the actor.
        await audit.RecordReadAsync(Caller.ForUser(user.UserId, user.OrganisationId, user.Roles), IdentityAudit.UserInfo(user.UserId), ct);

        var claims = new Dictionary<string, object>
        {
            [Claims.Subject] = user.UserId.ToString("D"),
            [CallerPrincipal.OrganisationClaim] = user.OrganisationId.ToString("D"),
            [Claims.Role] = user.Roles,
        };
        if (token.Principal!.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = user.DisplayName;
        }

        return Results.Ok(claims);
    }

    private static async Task<IResult> LogoutAsync(HttpContext http, CancellationToken ct)
    {
        await http.SignOutAsync(OidcServer.LoginCookie);
        // OpenIddict redirects to the client's registered post_logout_redirect_uri, or answers 200.
        return Results.SignOut(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
