using System.Security.Cryptography;
using System.Text;
using Llo.Identity.Api.Oidc;
using Microsoft.IdentityModel.Tokens;

namespace Llo.Identity.Api.SigningKeys;

/// <summary>
/// A row of signing_keys: an RSA key for signing ("sig") or encrypting ("enc") tokens. <see cref="PrivateKey"/> is the
/// PKCS#8 key in base64, or when <see cref="Encrypted"/> that key sealed under <see cref="KeysAtRest"/> (bound to the
/// key id), packed and in base64.
/// </summary>
public sealed record StoredKey(string KeyId, string Use, string PrivateKey, DateTimeOffset CreatedAt, DateTimeOffset? RetiredAt, bool Encrypted = false)
{
    public RsaSecurityKey ToSecurityKey()
    {
        if (Encrypted) throw new InvalidOperationException($"Signing key {KeyId} is still encrypted: open it first.");
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(PrivateKey), out _);
        return new RsaSecurityKey(rsa) { KeyId = KeyId };
    }

    public static StoredKey Create(string use, DateTimeOffset now)
    {
        using var rsa = RSA.Create(2048);
        return new StoredKey($"{use}-{Guid.NewGuid():N}", use, Convert.ToBase64String(rsa.ExportPkcs8PrivateKey()), now, null);
    }

    /// <summary>This key as it is stored under <paramref name="secret"/>.</summary>
    public StoredKey SealedWith(KeysAtRest secret)
    {
        if (Encrypted) return this;
        var plain = Convert.FromBase64String(PrivateKey);
        var sealedKey = secret.Seal(plain, Encoding.UTF8.GetBytes(KeyId));
        CryptographicOperations.ZeroMemory(plain);
        return this with { PrivateKey = Convert.ToBase64String(sealedKey.ToBytes()), Encrypted = true };
    }

    /// <summary>
    /// This key readable again. An encrypted key without the secret, or with another one, throws naming the setting:
    /// the service must not start then, because making new keys would invalidate every token issued.
    /// </summary>
    public StoredKey Opened(KeysAtRest? secret)
    {
        if (!Encrypted) return this;
        if (secret is null)
        {
            throw new InvalidOperationException(
                $"The stored token signing keys are encrypted: set {KeysAtRest.SettingName} to the secret they were encrypted with.");
        }

        try
        {
            var plain = secret.Open(Sealed.FromBytes(Convert.FromBase64String(PrivateKey)), Encoding.UTF8.GetBytes(KeyId));
            return this with { PrivateKey = Convert.ToBase64String(plain), Encrypted = false };
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException(
                $"{KeysAtRest.SettingName} does not decrypt the stored token signing key {KeyId}: set it to the secret the keys were encrypted with.", ex);
        }
    }
}
