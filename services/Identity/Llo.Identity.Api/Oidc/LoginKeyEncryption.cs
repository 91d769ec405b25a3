using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Llo.Identity.Api.Oidc;

/// <summary>Encrypts a login key element under <see cref="KeysAtRest"/> before the key ring stores it.</summary>
public sealed class LoginKeyEncryptor(KeysAtRest secret) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedKey = secret.Seal(plain);
        CryptographicOperations.ZeroMemory(plain);
        var element = new XElement("llo-encrypted",
            new XAttribute("nonce", Convert.ToBase64String(sealedKey.Nonce)),
            new XAttribute("tag", Convert.ToBase64String(sealedKey.Tag)),
            Convert.ToBase64String(sealedKey.Cipher));
        return new EncryptedXmlInfo(element, typeof(LoginKeyDecryptor));
    }
}

/// <summary>Decrypts what <see cref="LoginKeyEncryptor"/> wrote; the key ring creates it with the service provider.</summary>
public sealed class LoginKeyDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var secret = services.GetService<KeysAtRest>()
            ?? throw new InvalidOperationException($"The stored login keys are encrypted: set {KeysAtRest.SettingName} to the secret they were encrypted with.");
        var plain = secret.Open(new Sealed(
            Convert.FromBase64String((string)encryptedElement.Attribute("nonce")!),
            Convert.FromBase64String((string)encryptedElement.Attribute("tag")!),
            Convert.FromBase64String(encryptedElement.Value)));
        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}
