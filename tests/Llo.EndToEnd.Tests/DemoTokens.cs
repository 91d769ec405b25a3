using System.Text.Json;

namespace Llo.EndToEnd.Tests;

/// <summary>A demo user's access token through the gateway, as <c>./llo token</c> gets it (llo-cli, password grant).</summary>
public static class DemoTokens
{
    public static async Task<string> AccessTokenAsync(HttpClient gateway, string userName, string scope, CancellationToken ct)
    {
        var response = await gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "llo-cli",
            ["username"] = userName,
            ["password"] = "Demo-wachtwoord-1",
            ["scope"] = scope,
        }), ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.IsSuccessStatusCode, $"POST /connect/token answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }
}
