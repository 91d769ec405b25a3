using System.Text.Json;

namespace Llo.Identity.Tests;

/// <summary>The discovery document names the public gateway (the configured issuer), not the service's own address.</summary>
public sealed class DiscoveryTests : IClassFixture<DiscoveryTests.Host>
{
    public sealed class Host : IdentityHost
    {
        public Host() => Settings["Llo:Identity:Issuer"] = "http://gateway.test:8080/";
    }

    private readonly Host _host;

    public DiscoveryTests(Host host) => _host = host;

    [Fact]
    public async Task The_discovery_document_names_the_issuer_and_every_endpoint_under_the_gateways_address()
    {
        // What the gateway adds when it forwards a browser's request.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        request.Headers.Add("X-Forwarded-Host", "gateway.test:8080");
        request.Headers.Add("X-Forwarded-Proto", "http");
        var document = await IdentityHost.SuccessAsync(await _host.Json.SendAsync(request));

        Assert.Equal("http://gateway.test:8080/", document.GetProperty("issuer").GetString());
        Assert.Equal("http://gateway.test:8080/connect/token", document.GetProperty("token_endpoint").GetString());
        Assert.Equal("http://gateway.test:8080/connect/authorize", document.GetProperty("authorization_endpoint").GetString());
        Assert.Equal("http://gateway.test:8080/.well-known/jwks", document.GetProperty("jwks_uri").GetString());
        var grants = document.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()).ToList();
        Assert.Contains("client_credentials", grants);
        Assert.Contains("authorization_code", grants);
        Assert.Contains("refresh_token", grants);
        var scopes = document.GetProperty("scopes_supported").EnumerateArray().Select(g => g.GetString()).ToList();
        Assert.Contains("inventory.write", scopes);
        Assert.Contains("career-route.read", scopes);
    }

    [Fact]
    public async Task The_key_set_publishes_an_RSA_signing_key_and_tokens_carry_its_key_id_and_the_configured_issuer()
    {
        var keys = await IdentityHost.SuccessAsync(await _host.Json.GetAsync("/.well-known/jwks"));
        var token = await _host.PasswordTokenAsync("coach@demo1.llo.test");
        var accessToken = token.GetProperty("access_token").GetString()!;

        var signing = keys.GetProperty("keys").EnumerateArray().Where(k => k.GetProperty("use").GetString() == "sig").ToList();
        Assert.NotEmpty(signing);
        Assert.All(signing, key => Assert.Equal("RSA", key.GetProperty("kty").GetString()));
        Assert.Contains(Jwt.Header(accessToken).GetProperty("kid").GetString(), signing.Select(k => k.GetProperty("kid").GetString()));
        Assert.Equal("http://gateway.test:8080/", Jwt.Payload(accessToken).GetProperty("iss").GetString());
        Assert.Equal(JsonValueKind.Undefined, keys.GetProperty("keys")[0].TryGetProperty("d", out var privatePart) ? privatePart.ValueKind : JsonValueKind.Undefined);
    }
}
