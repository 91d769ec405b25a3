using Microsoft.AspNetCore;
using Llo.Identity.Api.Accounts;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Llo.Identity.Api.Oidc;

/// <summary>
/// <c>/connect/authorize</c>: a signed-in user (login cookie) gets a code at once (first-party clients, no consent
/// screen); anyone else is sent to the login page, which brings them back here.
/// </summary>
public static class AuthorizationEndpoint
{
    public static void MapAuthorizationEndpoint(this IEndpointRouteBuilder app) =>
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync)
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

    private static async Task<IResult> AuthorizeAsync(HttpContext http, UserStore users, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("OpenIddict did not handle the authorization request.");

        var login = await http.AuthenticateAsync(OidcServer.LoginCookie);
        var user = login.Succeeded && Guid.TryParse(login.Principal.GetClaim(Claims.Subject), out var userId)
            // A login cookie outlives an erasure: the erased person logs in again, and cannot.
            ? await users.FindActiveAsync(userId, ct)
            : null;

        if (user is null || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return OidcAnswers.Refuse(Errors.LoginRequired, "U bent niet ingelogd.");
            }

            // Back to this very request after the login; a POSTed request is replayed as a GET with its parameters.
            var parameters = http.Request.HasFormContentType
                ? http.Request.Form.Where(p => p.Key != Parameters.Prompt).ToList()
                : http.Request.Query.Where(p => p.Key != Parameters.Prompt).ToList();
            var returnUrl = http.Request.PathBase + http.Request.Path + QueryString.Create(parameters);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [OidcServer.LoginCookie]);
        }

        return OidcAnswers.Issue(CallerPrincipal.ForUser(user, request.GetScopes()));
    }
}
