using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Llo.Identity.Api.SigningKeys;

/// <summary>A row of signing_keys: an RSA key for signing ("sig") or encrypting ("enc") tokens.</summary>
public sealed record StoredKey(string KeyId, string Use, string PrivateKey, DateTimeOffset CreatedAt, DateTimeOffset? RetiredAt)
{
    public RsaSecurityKey ToSecurityKey()
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(PrivateKey), out _);
        return new RsaSecurityKey(rsa) { KeyId = KeyId };
    }

    public static StoredKey Create(string use, DateTimeOffset now)
    {
        using var rsa = RSA.Create(2048);
        return new StoredKey($"{use}-{Guid.NewGuid():N}", use, Convert.ToBase64String(rsa.ExportPkcs8PrivateKey()), now, null);
    }
}
