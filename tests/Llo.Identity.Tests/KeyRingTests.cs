using System.Net;
using Dapper;
using Llo.Identity.Api;
using Llo.Testing;

namespace Llo.Identity.Tests;

/// <summary>The token keys live in the database: a restarted service publishes and accepts the keys of the one before.</summary>
public sealed class KeyRingTests(IdentityHost host) : IClassFixture<IdentityHost>
{
    [Fact]
    public async Task Tokens_issued_before_a_restart_are_still_signed_by_a_published_key_and_the_refresh_token_still_works()
    {
        var before = await host.PasswordTokenAsync("operator@demo1.llo.test", "openid offline_access identity.read");
        var keysBefore = await CountKeysAsync();

        // A second start on the same database stands for the restart (as a second instance would also see it).
        var (httpPort, grpcPort) = (ServiceTestHost.FreePort(), ServiceTestHost.FreePort());
        await using var restarted = IdentityApp.Build(
        [
            $"--ConnectionStrings:identity-db={host.Database.ConnectionString}",
            $"--ConnectionStrings:messaging={TestServers.RabbitMq}",
            $"--Kestrel:Endpoints:http:Url=http://127.0.0.1:{httpPort}",
            "--Kestrel:Endpoints:http:Protocols=Http1",
            $"--Kestrel:Endpoints:grpc:Url=http://127.0.0.1:{grpcPort}",
            "--Kestrel:Endpoints:grpc:Protocols=Http2",
            "--Logging:LogLevel:Default=Warning",
            $"--Llo:Identity:Issuer={IdentityHost.PublicIssuer}",
        ]);
        await restarted.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };

        var jwks = await IdentityHost.SuccessAsync(await client.GetAsync("/.well-known/jwks"));
        var kid = Jwt.Header(before.GetProperty("access_token").GetString()!).GetProperty("kid").GetString();
        Assert.Contains(kid, jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()));

        using var refreshed = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = "llo-cli",
            ["refresh_token"] = before.GetProperty("refresh_token").GetString()!,
        }));
        var after = await IdentityHost.SuccessAsync(refreshed);
        Assert.True(after.TryGetProperty("access_token", out _));
        Assert.Equal(keysBefore, await CountKeysAsync());
        await restarted.StopAsync();
    }

    [Fact]
    public async Task A_key_older_than_the_rotation_age_is_replaced_and_the_old_one_stays_published()
    {
        await using var connection = host.Database.DataSource.CreateConnection();
        await connection.OpenAsync();
        var oldKid = await connection.ExecuteScalarAsync<string>(
            "SELECT key_id FROM signing_keys WHERE use = 'sig' AND retired_at IS NULL");
        await connection.ExecuteAsync("UPDATE signing_keys SET created_at = created_at - interval '400 days' WHERE key_id = @oldKid", new { oldKid });

        var (httpPort, grpcPort) = (ServiceTestHost.FreePort(), ServiceTestHost.FreePort());
        await using var restarted = IdentityApp.Build(
        [
            $"--ConnectionStrings:identity-db={host.Database.ConnectionString}",
            $"--ConnectionStrings:messaging={TestServers.RabbitMq}",
            $"--Kestrel:Endpoints:http:Url=http://127.0.0.1:{httpPort}",
            "--Kestrel:Endpoints:http:Protocols=Http1",
            $"--Kestrel:Endpoints:grpc:Url=http://127.0.0.1:{grpcPort}",
            "--Kestrel:Endpoints:grpc:Protocols=Http2",
            "--Logging:LogLevel:Default=Warning",
            $"--Llo:Identity:Issuer={IdentityHost.PublicIssuer}",
        ]);
        await restarted.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        using var token = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "llo-cli", ["scope"] = "openid",
            ["username"] = "operator@demo2.llo.test", ["password"] = "Demo-wachtwoord-1",
        }));
        var newKid = Jwt.Header((await IdentityHost.SuccessAsync(token)).GetProperty("access_token").GetString()!).GetProperty("kid").GetString();
        var published = (await IdentityHost.SuccessAsync(await client.GetAsync("/.well-known/jwks")))
            .GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).ToList();
        await restarted.StopAsync();

        Assert.NotEqual(oldKid, newKid);
        Assert.Contains(oldKid, published);
        Assert.Contains(newKid, published);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }

    private async Task<long> CountKeysAsync()
    {
        await using var connection = host.Database.DataSource.CreateConnection();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM signing_keys");
    }
}
