using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Llo.Identity.Api.SigningKeys;

/// <summary>
/// Gives OpenIddict the keys of the <see cref="KeyRing"/>: every live signing key (all are published in the JWKS and
/// accepted; the newest, listed first, signs) and every live encryption key (for codes and refresh tokens).
/// </summary>
public sealed class KeyRingOptions(KeyRing ring) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        foreach (var key in ring.LoadOrRotate())
        {
            if (key.Use == "sig")
            {
                options.SigningCredentials.Add(new SigningCredentials(key.ToSecurityKey(), SecurityAlgorithms.RsaSha256));
            }
            else
            {
                options.EncryptionCredentials.Add(new EncryptingCredentials(key.ToSecurityKey(),
                    SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
            }
        }
    }
}
