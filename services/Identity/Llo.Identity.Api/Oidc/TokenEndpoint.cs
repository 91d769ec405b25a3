using Microsoft.AspNetCore;
using Llo.Identity.Api.Accounts;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Llo.Identity.Api.Oidc;

/// <summary>
/// <c>/connect/token</c> after OpenIddict checked the client, its permissions, PKCE and the code or refresh token:
/// here the caller's claims are (re)read from the users and clients, so a changed role or a removed user counts at once.
/// </summary>
public static class TokenEndpoint
{
    public static void MapTokenEndpoint(this IEndpointRouteBuilder app) =>
        app.MapPost("/connect/token", IssueAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

    private static async Task<IResult> IssueAsync(
        HttpContext http, PasswordCheck passwords, UserStore users, IOpenIddictApplicationManager applications,
        IConfiguration configuration, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("OpenIddict did not handle the token request.");

        if (request.IsClientCredentialsGrantType())
        {
            var organisation = await ClientOrganisation.FindAsync(applications, request.ClientId!, ct);
            return organisation is { } organisationId
                ? OidcAnswers.Issue(CallerPrincipal.ForClient(request.ClientId!, organisationId, request.GetScopes()))
                : OidcAnswers.Refuse(Errors.InvalidClient, "Deze client hoort bij geen organisatie.");
        }

        if (request.IsPasswordGrantType())
        {
            // The password grant exists for ./llo token and the tests, only while the demo users do.
            if (!configuration.GetValue("Identity:DemoUsers", true))
            {
                return OidcAnswers.Refuse(Errors.UnsupportedGrantType, "Inloggen met wachtwoord via de API staat uit (geen demogebruikers).");
            }

            var user = await passwords.VerifyAsync(request.Username, request.Password, PasswordCheck.PasswordGrant, ct);
            return user is null
                ? OidcAnswers.Refuse(Errors.InvalidGrant, LoginTexts.Failed)
                : OidcAnswers.Issue(CallerPrincipal.ForUser(user, request.GetScopes()));
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var granted = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var subject = granted.Principal?.GetClaim(Claims.Subject);
            var user = Guid.TryParse(subject, out var userId) ? await users.FindActiveAsync(userId, ct) : null;
            // An erased person's sessions are deleted with their data; this also refuses a token that escaped that.
            return user is null
                ? OidcAnswers.Refuse(Errors.InvalidGrant, "Deze gebruiker bestaat niet meer.")
                : OidcAnswers.Issue(CallerPrincipal.ForUser(user, granted.Principal!.GetScopes()));
        }

        return OidcAnswers.Refuse(Errors.UnsupportedGrantType, "Deze manier om een token te krijgen wordt niet ondersteund.");
    }
}
