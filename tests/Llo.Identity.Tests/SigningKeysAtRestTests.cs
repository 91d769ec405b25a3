using System.Security.Cryptography;
using Dapper;
using Llo.Identity.Api.Oidc;
using Llo.Identity.Api.SigningKeys;
using Llo.Persistence;
using Microsoft.IdentityModel.Tokens;

namespace Llo.Identity.Tests;

/// <summary>
/// With Identity:Keys:AtRestKey set, the token keys reach the database encrypted; a restart with the secret keeps every
/// token valid, and a start without it or with another one stops, naming the setting, and makes no new keys.
/// </summary>
public sealed class SigningKeysAtRestTests(AtRestKeyIdentityHost host) : IClassFixture<AtRestKeyIdentityHost>
{
    [Fact]
    public async Task The_stored_private_keys_are_encrypted_and_a_token_from_before_a_restart_still_validates_after_it()
    {
        var before = await host.PasswordTokenAsync("operator@demo1.llo.test", "openid offline_access identity.read");
        var published = (await IdentityHost.SuccessAsync(await host.Json.GetAsync("/.well-known/jwks"))).GetProperty("keys").EnumerateArray()
            .ToDictionary(k => k.GetProperty("kid").GetString()!, k => k.GetProperty("n").GetString()!);

        var rows = await StoredKeysAsync(host);
        Assert.Contains(rows, k => k.Use == "sig");
        Assert.Contains(rows, k => k.Use == "enc");
        foreach (var row in rows)
        {
            Assert.True(row.Encrypted, row.KeyId);
            var pkcs8 = Convert.FromBase64String(row.Opened(host.Secret).PrivateKey);
            using var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(pkcs8, out _);
            var key = rsa.ExportParameters(includePrivateParameters: true);
            if (row.Use == "sig")
            {
                // What the secret opens is the key the service publishes and signs with.
                Assert.Equal(published[row.KeyId], Base64UrlEncoder.Encode(key.Modulus));
            }

            var stored = Convert.FromBase64String(row.PrivateKey);
            Assert.True(stored.AsSpan().IndexOf(key.D) < 0, "the private exponent is stored in clear");
            Assert.True(stored.AsSpan().IndexOf(pkcs8.AsSpan(pkcs8.Length / 2, 64)) < 0, "the PKCS#8 key is stored in clear");
            Assert.DoesNotContain(Base64UrlEncoder.Encode(key.D), row.PrivateKey);
        }

        await using var restarted = Instance.Of(host, $"--{KeysAtRest.SettingName}={host.AtRestKey}");
        await restarted.App.StartAsync();
        await restarted.AssertAcceptsAsync(before);
        await restarted.App.StopAsync();
        Assert.Equal(rows.Select(k => k.KeyId).Order(), (await StoredKeysAsync(host)).Select(k => k.KeyId).Order());
    }

    [Fact]
    public async Task A_start_with_another_secret_or_none_stops_naming_the_setting_and_makes_no_new_keys()
    {
        var keysBefore = (await StoredKeysAsync(host)).Select(k => k.KeyId).Order().ToList();
        var another = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        foreach (var setting in new[] { $"--{KeysAtRest.SettingName}={another}", $"--{KeysAtRest.SettingName}=" })
        {
            await using var instance = Instance.Of(host, setting);
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => instance.App.StartAsync());
            Assert.Contains(KeysAtRest.SettingName, refused.Message);
            Assert.Contains("token signing key", refused.Message);
        }

        Assert.Equal(keysBefore, (await StoredKeysAsync(host)).Select(k => k.KeyId).Order());
    }

    internal static async Task<List<StoredKey>> StoredKeysAsync(IdentityHost host)
    {
        Rows.Configure();
        await using var connection = host.Database.DataSource.CreateConnection();
        return (await connection.QueryAsync<StoredKey>(
            "SELECT key_id, use, private_key, created_at, retired_at, encrypted FROM signing_keys")).AsList();
    }
}
