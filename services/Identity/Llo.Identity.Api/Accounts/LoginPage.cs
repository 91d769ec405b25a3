using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Llo.Identity.Api.Accounts;

/// <summary>
/// <c>/account/login</c>: the form (GET) and its check (POST, antiforgery-protected). A successful login sets the login
/// cookie and returns to the local address it came from (the authorization request); a failure shows the form again
/// with one message for every reason.
/// </summary>
public static class LoginPage
{
    public static void MapLoginPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/account/login", (HttpContext http, IAntiforgery antiforgery, string? returnUrl) =>
            Page(http, antiforgery, returnUrl, email: null, error: null, StatusCodes.Status200OK))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/account/login", LoginAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
    }

    private static async Task<IResult> LoginAsync(HttpContext http, IAntiforgery antiforgery, PasswordCheck passwords, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            return Page(http, antiforgery, null, null, LoginTexts.FormExpired, StatusCodes.Status400BadRequest);
        }

        var form = await http.Request.ReadFormAsync(ct);
        string? returnUrl = form["returnUrl"], email = form["email"], password = form["password"];
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Page(http, antiforgery, returnUrl, email, LoginTexts.FormExpired, StatusCodes.Status400BadRequest);
        }

        var user = await passwords.VerifyAsync(email, password, PasswordCheck.LoginPage, ct);
        if (user is null)
        {
            return Page(http, antiforgery, returnUrl, email, LoginTexts.Failed, StatusCodes.Status200OK);
        }

        var identity = new ClaimsIdentity([new Claim(Claims.Subject, user.UserId.ToString("D"))], Oidc.OidcServer.LoginCookie);
        await http.SignInAsync(Oidc.OidcServer.LoginCookie, new ClaimsPrincipal(identity));
        return Results.Redirect(LocalOrHome(returnUrl));
    }

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? email, string? error, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(
            LoginPageHtml.Render(tokens.FormFieldName, tokens.RequestToken!, LocalOrHome(returnUrl), email, error),
            "text/html; charset=utf-8", statusCode: status);
    }

    // Only a path on this site: an absolute or protocol-relative address would make the form an open redirect.
    private static string LocalOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
