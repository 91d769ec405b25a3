using System.Net;
using System.Text.Json;
using Llo.Identity.Api;
using Llo.Testing;
using Microsoft.AspNetCore.Builder;

namespace Llo.Identity.Tests;

/// <summary>The identity service on real loopback ports with a fresh database, its demo users and clients seeded.</summary>
public class IdentityHost : ServiceTestHost, IAsyncLifetime
{
    public const string WebRedirect = "http://localhost:8080/signin-callback";
    public const string PublicIssuer = "http://localhost:8080/";

    public IdentityHost() : base("identity-db")
    {
        // As in the app host: one fixed issuer, so a restarted service (other ports) accepts the tokens of the one before.
        Settings["Llo:Identity:Issuer"] = PublicIssuer;
        // Each host its own audit queue: hosts of other test classes share the broker and would take its entries.
        Settings["Identity:Audit:Queue"] = AuditQueue;
    }

    public string AuditQueue => $"identity.audit.{Database.Name}";

    /// <summary>
    /// Ready once the audit consumer is attached: an entry published before its queue is bound would be dropped by the
    /// broker (nobody subscribed yet), and a test would wait for it in vain.
    /// </summary>
    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await TestBroker.WaitForConsumerAsync(AuditQueue, TimeSpan.FromSeconds(60));
    }

    protected override WebApplication Build(string[] args) => IdentityApp.Build(args);

    /// <summary>A client that keeps cookies and shows redirects instead of following them, like a browser step by step.</summary>
    public HttpClient Browser() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
    {
        BaseAddress = Json.BaseAddress,
    };

    public Task<HttpResponseMessage> TokenAsync(params (string Key, string Value)[] form) =>
        Json.PostAsync("/connect/token", new FormUrlEncodedContent(form.Select(p => KeyValuePair.Create(p.Key, p.Value))));

    public async Task<JsonElement> PasswordTokenAsync(string userName, string scope = "openid inventory.write identity.read")
    {
        using var response = await TokenAsync(("grant_type", "password"), ("client_id", "llo-cli"),
            ("username", userName), ("password", "Demo-wachtwoord-1"), ("scope", scope));
        return await SuccessAsync(response);
    }

    /// <summary>A JSON client acting as the demo user <paramref name="userName"/>, and that user's id (the token's sub).</summary>
    public async Task<(HttpClient Client, string UserId)> UserAsync(string userName, string scope = "openid identity.read identity.write")
    {
        var token = (await PasswordTokenAsync(userName, scope)).GetProperty("access_token").GetString()!;
        var client = JsonWith(null);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return (client, Jwt.Payload(token).GetProperty("sub").GetString()!);
    }

    public static async Task<JsonElement> SuccessAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
