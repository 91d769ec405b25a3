using System.Net;
using Dapper;

namespace Llo.Identity.Tests;

/// <summary>The token keys live in the database: a restarted service publishes and accepts the keys of the one before.</summary>
public sealed class KeyRingTests(IdentityHost host) : IClassFixture<IdentityHost>
{
    [Fact]
    public async Task Tokens_issued_before_a_restart_are_still_signed_by_a_published_key_and_still_accepted_and_refreshed()
    {
        var before = await host.PasswordTokenAsync("operator@demo1.llo.test", "openid offline_access identity.read");
        var keysBefore = await CountKeysAsync();

        // A second start on the same database stands for the restart (as a second instance would also see it).
        await using var restarted = Instance.Of(host);
        await restarted.App.StartAsync();
        var client = restarted.Client;

        var jwks = await IdentityHost.SuccessAsync(await client.GetAsync("/.well-known/jwks"));
        var kid = Jwt.Header(before.GetProperty("access_token").GetString()!).GetProperty("kid").GetString();
        Assert.Contains(kid, jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()));

        await restarted.AssertAcceptsAsync(before);
        Assert.Equal(keysBefore, await CountKeysAsync());
        await restarted.App.StopAsync();
    }

    [Fact]
    public async Task A_key_older_than_the_rotation_age_is_replaced_and_the_old_one_stays_published()
    {
        await using var connection = host.Database.DataSource.CreateConnection();
        await connection.OpenAsync();
        var oldKid = await connection.ExecuteScalarAsync<string>(
            "SELECT key_id FROM signing_keys WHERE use = 'sig' AND retired_at IS NULL");
        await connection.ExecuteAsync("UPDATE signing_keys SET created_at = created_at - interval '400 days' WHERE key_id = @oldKid", new { oldKid });

        await using var restarted = Instance.Of(host);
        await restarted.App.StartAsync();
        var client = restarted.Client;
        using var token = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "llo-cli", ["scope"] = "openid",
            ["username"] = "operator@demo2.llo.test", ["password"] = "Demo-wachtwoord-1",
        }));
        var newKid = Jwt.Header((await IdentityHost.SuccessAsync(token)).GetProperty("access_token").GetString()!).GetProperty("kid").GetString();
        var published = (await IdentityHost.SuccessAsync(await client.GetAsync("/.well-known/jwks")))
            .GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).ToList();
        await restarted.App.StopAsync();

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
