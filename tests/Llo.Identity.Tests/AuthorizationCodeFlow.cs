using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Llo.Identity.Tests;

/// <summary>
/// A browser's authorization-code login with PKCE, step by step against any base address (the service itself, or the
/// gateway in the end-to-end test): authorize → login page → form POST → code → token.
/// </summary>
public sealed partial class AuthorizationCodeFlow(HttpClient browser, string redirectUri)
{
    public string Verifier { get; } = Base64Url(RandomNumberGenerator.GetBytes(32));

    public string State { get; } = Guid.NewGuid().ToString("N");

    public string AuthorizeUrl(string scope = "openid profile offline_access inventory.write") =>
        "/connect/authorize?" + string.Join("&", new Dictionary<string, string>
        {
            ["client_id"] = "llo-web",
            ["response_type"] = "code",
            ["redirect_uri"] = redirectUri,
            ["scope"] = scope,
            ["state"] = State,
            ["code_challenge"] = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier))),
            ["code_challenge_method"] = "S256",
        }.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

    /// <summary>The login page the authorization endpoint sends an anonymous browser to.</summary>
    public async Task<(string Location, string Html)> OpenLoginPageAsync()
    {
        using var authorize = await browser.GetAsync(AuthorizeUrl());
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var location = authorize.Headers.Location!.ToString();
        Assert.StartsWith("/account/login", location);
        using var page = await browser.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return (location, await page.Content.ReadAsStringAsync());
    }

    public async Task<HttpResponseMessage> SubmitAsync(string html, string email, string password) =>
        await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Hidden(html, "__RequestVerificationToken"),
            ["returnUrl"] = Hidden(html, "returnUrl"),
            ["email"] = email,
            ["password"] = password,
        }));

    /// <summary>The whole login; answers the token endpoint's JSON (access, id and refresh token).</summary>
    public async Task<JsonElement> LoginAsync(string email, string password = "Demo-wachtwoord-1")
    {
        var (_, html) = await OpenLoginPageAsync();
        using var login = await SubmitAsync(html, email, password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        using var authorized = await browser.GetAsync(login.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, authorized.StatusCode);
        var callback = authorized.Headers.Location!;
        Assert.StartsWith(redirectUri, callback.ToString());
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(callback.Query);
        Assert.Equal(State, query["state"].ToString());

        using var token = await browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = "llo-web",
            ["code"] = query["code"].ToString(),
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = Verifier,
        }));
        var text = await token.Content.ReadAsStringAsync();
        Assert.True(token.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        await browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = "llo-web",
            ["refresh_token"] = refreshToken,
        }));

    public static string Hidden(string html, string name) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"name=\"{name}\" value=\"([^\"]*)\"").Groups[1].Value);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
