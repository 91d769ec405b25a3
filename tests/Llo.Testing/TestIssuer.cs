using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Llo.Testing;

/// <summary>
/// A stand-in for the identity service in tests: a small HTTP server on loopback serving <c>/.well-known/jwks</c> with a
/// real RSA key, and a factory of RS256 access tokens signed with it. Set <see cref="Address"/> as a service's
/// <c>Llo:Identity:Authority</c> and <see cref="Name"/> as its <c>Llo:Identity:Issuer</c>.
/// </summary>
public sealed class TestIssuer : IAsyncLifetime
{
    private readonly List<(string Kid, RSA Key)> _keys = [];
    private WebApplication? _server;
    private int _keyRequests;

    public TestIssuer() => RotateKey();

    /// <summary>The issuer name (the public gateway address in production), with its trailing slash.</summary>
    public string Name { get; } = "http://gateway.llo.test/";

    /// <summary>Where a service fetches the keys (its <c>Llo:Identity:Authority</c>).</summary>
    public string Address { get; private set; } = "";

    /// <summary>How often the key set was fetched: a service caches it.</summary>
    public int KeyRequests => Volatile.Read(ref _keyRequests);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Not the test project's appsettings or environment (they may name Kestrel endpoints): only a free loopback port.
        builder.Configuration.Sources.Clear();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var server = builder.Build();
        server.MapGet("/.well-known/jwks", () =>
        {
            Interlocked.Increment(ref _keyRequests);
            return Results.Text(KeySet(), "application/json");
        });
        await server.StartAsync();
        _server = server;
        Address = server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
    }

    /// <summary>Signs new tokens with a new key; the old one stays in the key set, as after a real rotation.</summary>
    public void RotateKey()
    {
        lock (_keys)
        {
            _keys.Add(("test-" + Guid.NewGuid().ToString("N")[..8], RSA.Create(2048)));
        }
    }

    /// <summary>A token signed with the issuer's current key.</summary>
    public string Token(TestToken token)
    {
        (string Kid, RSA Key) current;
        lock (_keys)
        {
            current = _keys[^1];
        }

        return Sign(token, current.Kid, current.Key);
    }

    /// <summary>A token signed by a key the issuer never published, under a kid it does publish.</summary>
    public string TokenSignedByStranger(TestToken token)
    {
        using var stranger = RSA.Create(2048);
        lock (_keys)
        {
            return Sign(token, _keys[^1].Kid, stranger);
        }
    }

    /// <summary>A token with <c>alg: none</c> and no signature.</summary>
    public string UnsignedToken(TestToken token) =>
        $"{Encode(new JsonObject { ["alg"] = "none", ["typ"] = token.Type })}.{Encode(Claims(token))}.";

    private string Sign(TestToken token, string kid, RSA key)
    {
        var content = $"{Encode(new JsonObject { ["alg"] = "RS256", ["typ"] = token.Type, ["kid"] = kid })}.{Encode(Claims(token))}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(content), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{content}.{Base64Url(signature)}";
    }

    private JsonObject Claims(TestToken token)
    {
        var now = DateTimeOffset.UtcNow;
        var claims = new JsonObject
        {
            ["iss"] = token.Issuer ?? Name,
            ["sub"] = token.Subject,
            ["aud"] = new JsonArray(token.Audiences.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray()),
            ["iat"] = Math.Min(now.ToUnixTimeSeconds(), token.ExpiresAt.AddMinutes(-15).ToUnixTimeSeconds()),
            ["nbf"] = Math.Min(now.ToUnixTimeSeconds(), token.ExpiresAt.AddMinutes(-15).ToUnixTimeSeconds()),
            ["exp"] = token.ExpiresAt.ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString(),
            ["scope"] = string.Join(' ', token.Scopes),
        };
        if (token.ClientId is { } clientId) claims["client_id"] = clientId;
        if (token.Organisation is { } organisation) claims["org"] = organisation.ToString("D");
        if (token.Roles.Count > 0) claims["role"] = new JsonArray(token.Roles.Select(r => (JsonNode)JsonValue.Create(r)!).ToArray());
        return claims;
    }

    private string KeySet()
    {
        lock (_keys)
        {
            var keys = new JsonArray();
            foreach (var (kid, key) in _keys)
            {
                var parameters = key.ExportParameters(includePrivateParameters: false);
                keys.Add(new JsonObject
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["alg"] = "RS256",
                    ["kid"] = kid,
                    ["n"] = Base64Url(parameters.Modulus!),
                    ["e"] = Base64Url(parameters.Exponent!),
                });
            }

            return new JsonObject { ["keys"] = keys }.ToJsonString();
        }
    }

    private static string Encode(JsonObject json) => Base64Url(Encoding.UTF8.GetBytes(json.ToJsonString()));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync();
            await _server.DisposeAsync();
        }

        lock (_keys)
        {
            foreach (var (_, key) in _keys) key.Dispose();
        }
    }
}
