using System.Net;

namespace Llo.Identity.Tests;

/// <summary>A partner system gets a token for the scopes it was given, with one audience per service scope.</summary>
public sealed class ClientCredentialsTests(IdentityHost host) : IClassFixture<IdentityHost>
{
    [Fact]
    public async Task The_demo_partner_gets_a_signed_unencrypted_token_for_its_scope_with_the_services_audience_and_its_organisation()
    {
        var answer = await IdentityHost.SuccessAsync(await host.TokenAsync(("grant_type", "client_credentials"),
            ("client_id", "demo-partner"), ("client_secret", "demo-partner-geheim"), ("scope", "inventory.read finance.read")));
        var token = answer.GetProperty("access_token").GetString()!;

        Assert.Equal(3, token.Split('.').Length);
        Assert.Equal("at+jwt", Jwt.Header(token).GetProperty("typ").GetString());
        Assert.Equal("RS256", Jwt.Header(token).GetProperty("alg").GetString());
        var payload = Jwt.Payload(token);
        Assert.Equal("demo-partner", payload.GetProperty("sub").GetString());
        Assert.Equal("11111111-1111-4111-8111-111111111111", payload.GetProperty("org").GetString());
        Assert.Equal(["llo-finance", "llo-inventory"], Jwt.Values(payload, "aud").Order());
        Assert.Equal("inventory.read finance.read", payload.GetProperty("scope").GetString());
        Assert.Empty(Jwt.Values(payload, "role"));
        Assert.InRange(answer.GetProperty("expires_in").GetInt32(), 240, 300);
    }

    [Fact]
    public async Task A_scope_the_partner_was_not_given_is_refused()
    {
        using var response = await host.TokenAsync(("grant_type", "client_credentials"),
            ("client_id", "demo-partner"), ("client_secret", "demo-partner-geheim"), ("scope", "inventory.write"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await IdentityHost.BodyAsync(response);
        Assert.Contains(error.GetProperty("error").GetString(), new[] { "invalid_scope", "invalid_request" });
    }

    [Fact]
    public async Task A_wrong_secret_is_refused()
    {
        using var response = await host.TokenAsync(("grant_type", "client_credentials"),
            ("client_id", "demo-partner"), ("client_secret", "geraden"), ("scope", "inventory.read"));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, response.StatusCode.ToString());
        Assert.Equal("invalid_client", (await IdentityHost.BodyAsync(response)).GetProperty("error").GetString());
    }
}
