using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Llo.Identity.Api.Oidc;

/// <summary>
/// The secret that encrypts the login keys (<see cref="LoginProtectionKeys"/>) before they reach the database
/// (<c>Identity:Keys:AtRestKey</c>, 32 random bytes in base64, kept outside the database): a copy of the database
/// alone then forges no login cookie. Without it the keys are stored as they are, as before; keys stored that way stay
/// readable after it is set.
/// </summary>
public sealed class LoginKeysAtRest
{
    public const string SettingName = "Identity:Keys:AtRestKey";

    private LoginKeysAtRest(byte[] key) => Key = key;

    internal byte[] Key { get; }

    /// <summary>The configured secret, or null; a secret that is not 32 bytes in base64 stops the start, naming the setting.</summary>
    public static LoginKeysAtRest? From(IConfiguration configuration)
    {
        var text = configuration[SettingName];
        if (string.IsNullOrWhiteSpace(text)) return null;
        var key = new byte[32];
        if (!Convert.TryFromBase64String(text.Trim(), key, out var length) || length != 32)
        {
            throw new InvalidOperationException($"{SettingName} must be 32 random bytes in base64 (e.g. `openssl rand -base64 32`).");
        }

        return new LoginKeysAtRest(key);
    }
}

/// <summary>Encrypts a key element with AES-256-GCM under <see cref="LoginKeysAtRest"/>.</summary>
public sealed class LoginKeyEncryptor(LoginKeysAtRest secret) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        var cipher = new byte[plain.Length];
        using (var aes = new AesGcm(secret.Key, tag.Length))
        {
            aes.Encrypt(nonce, plain, cipher, tag);
        }

        CryptographicOperations.ZeroMemory(plain);
        var element = new XElement("llo-encrypted",
            new XAttribute("nonce", Convert.ToBase64String(nonce)),
            new XAttribute("tag", Convert.ToBase64String(tag)),
            Convert.ToBase64String(cipher));
        return new EncryptedXmlInfo(element, typeof(LoginKeyDecryptor));
    }
}

/// <summary>Decrypts what <see cref="LoginKeyEncryptor"/> wrote; the key ring creates it with the service provider.</summary>
public sealed class LoginKeyDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var secret = services.GetService<LoginKeysAtRest>()
            ?? throw new InvalidOperationException($"The stored login keys are encrypted: set {LoginKeysAtRest.SettingName} to the secret they were encrypted with.");
        var nonce = Convert.FromBase64String((string)encryptedElement.Attribute("nonce")!);
        var tag = Convert.FromBase64String((string)encryptedElement.Attribute("tag")!);
        var cipher = Convert.FromBase64String(encryptedElement.Value);
        var plain = new byte[cipher.Length];
        using (var aes = new AesGcm(secret.Key, tag.Length))
        {
            aes.Decrypt(nonce, cipher, tag, plain);
        }

        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}
