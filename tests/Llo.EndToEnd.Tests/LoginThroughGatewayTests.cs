using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Llo.EndToEnd.Tests;

/// <summary>The test classes that need the booted platform share one boot (its ports are fixed).</summary>
[CollectionDefinition(Name)]
public sealed class LloPlatform : ICollectionFixture<LloAppFixture>
{
    public const string Name = "Llo platform";
}

/// <summary>
/// A browser and a partner system only ever see the gateway: discovery, the login page and the token endpoint are
/// reached through it, and the tokens name it as their issuer.
/// </summary>
[Collection(LloPlatform.Name)]
public sealed class LoginThroughGatewayTests(LloAppFixture fixture)
{
    [Fact]
    public async Task A_browser_logs_in_through_the_gateway_with_the_authorization_code_flow_and_gets_tokens_issued_by_the_gateway()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = timeout.Token;
        var gatewayUrl = fixture.App.GetEndpoint("gateway", "http").ToString().TrimEnd('/');
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(gatewayUrl),
        };

        var discovery = await browser.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration", ct);
        Assert.Equal($"{gatewayUrl}/", discovery.GetProperty("issuer").GetString());
        Assert.Equal($"{gatewayUrl}/connect/token", discovery.GetProperty("token_endpoint").GetString());

        // authorize → the login page (through the gateway) → POST the form → back to authorize → code.
        var redirectUri = $"{gatewayUrl}/signin-callback";
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var query = string.Join("&", new Dictionary<string, string>
        {
            ["client_id"] = "llo-web",
            ["response_type"] = "code",
            ["redirect_uri"] = redirectUri,
            ["scope"] = "openid profile offline_access inventory.write",
            ["state"] = "e2e",
            ["code_challenge"] = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))),
            ["code_challenge_method"] = "S256",
        }.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        using var authorize = await browser.GetAsync($"/connect/authorize?{query}", ct);
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        using var page = await browser.GetAsync(authorize.Headers.Location!.ToString(), ct);
        var html = await page.Content.ReadAsStringAsync(ct);
        Assert.Contains("Inloggen", html);
        using var login = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Hidden(html, "__RequestVerificationToken"),
            ["returnUrl"] = Hidden(html, "returnUrl"),
            ["email"] = "project-leader@demo1.llo.test",
            ["password"] = "Demo-wachtwoord-1",
        }), ct);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        using var authorized = await browser.GetAsync(login.Headers.Location!.ToString(), ct);
        var callback = authorized.Headers.Location!;
        Assert.StartsWith(redirectUri, callback.ToString());
        var code = Regex.Match(callback.Query, "[?&]code=([^&]+)").Groups[1].Value;

        using var token = await browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = "llo-web",
            ["code"] = Uri.UnescapeDataString(code),
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = verifier,
        }), ct);
        var tokens = await token.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.True(token.IsSuccessStatusCode, tokens.ToString());
        var access = Payload(tokens.GetProperty("access_token").GetString()!);
        Assert.Equal($"{gatewayUrl}/", access.GetProperty("iss").GetString());
        Assert.Equal("11111111-1111-4111-8111-111111111111", access.GetProperty("org").GetString());
        Assert.Equal("project-leader", access.GetProperty("role").GetString());

        // A partner system: client credentials through the same gateway.
        using var partner = await browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "demo-partner",
            ["client_secret"] = "demo-partner-geheim",
            ["scope"] = "inventory.read",
        }), ct);
        var partnerToken = await partner.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.True(partner.IsSuccessStatusCode, partnerToken.ToString());
        Assert.Equal("llo-inventory", Payload(partnerToken.GetProperty("access_token").GetString()!).GetProperty("aud").GetString());
    }

    private static string Hidden(string html, string name) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"name=\"{name}\" value=\"([^\"]*)\"").Groups[1].Value);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static JsonElement Payload(string jwt)
    {
        var part = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + (4 - part.Length % 4) % 4, '=');
        return JsonDocument.Parse(Convert.FromBase64String(part)).RootElement.Clone();
    }
}
