using System.Security.Cryptography;
using Llo.Identity.Api.Oidc;

namespace Llo.Identity.Tests;

/// <summary>
/// Token keys stored before Identity:Keys:AtRestKey was set are encrypted on the first start with it, without a
/// rotation, also when two instances start at once, and the tokens they signed stay valid.
/// </summary>
public sealed class PlainSigningKeysTests(IdentityHost host) : IClassFixture<IdentityHost>
{
    [Fact]
    public async Task Plain_keys_are_encrypted_on_a_start_with_the_secret_and_tokens_from_before_still_validate()
    {
        var before = await host.PasswordTokenAsync("operator@demo2.llo.test", "openid offline_access identity.read");
        var plain = await SigningKeysAtRestTests.StoredKeysAsync(host);
        Assert.All(plain, k => Assert.False(k.Encrypted));

        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var first = Instance.Of(host, $"--{KeysAtRest.SettingName}={secret}");
        await using var second = Instance.Of(host, $"--{KeysAtRest.SettingName}={secret}");
        await Task.WhenAll(first.App.StartAsync(), second.App.StartAsync());

        var stored = await SigningKeysAtRestTests.StoredKeysAsync(host);
        Assert.Equal(plain.Select(k => k.KeyId).Order(), stored.Select(k => k.KeyId).Order());
        Assert.All(stored, k => Assert.True(k.Encrypted, k.KeyId));
        Assert.All(stored, k => Assert.Equal(plain.Single(p => p.KeyId == k.KeyId).PrivateKey, k.Opened(KeysAtRest.Parse(secret)).PrivateKey));
        Assert.All(stored, k => Assert.DoesNotContain(plain.Single(p => p.KeyId == k.KeyId).PrivateKey, k.PrivateKey));

        await first.AssertAcceptsAsync(before);
        await second.AssertAcceptsAsync(before, refresh: false);
        await Task.WhenAll(first.App.StopAsync(), second.App.StopAsync());
    }
}
