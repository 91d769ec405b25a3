using System.Security.Cryptography;

namespace Llo.Identity.Api.Oidc;

/// <summary>
/// The secret that encrypts the service's own keys before they reach the database: the login keys
/// (<see cref="LoginProtectionKeys"/>) and the token keys (<see cref="SigningKeys.KeyRing"/>).
/// <c>Identity:Keys:AtRestKey</c> is 32 random bytes in base64, kept outside the database, so a copy of the database
/// alone forges no login cookie and signs no token. Without it keys are stored as they are, as before; keys stored that
/// way stay readable after it is set.
/// </summary>
public sealed class KeysAtRest
{
    public const string SettingName = "Identity:Keys:AtRestKey";

    private readonly byte[] _key;

    private KeysAtRest(byte[] key) => _key = key;

    /// <summary>The configured secret, or null; a secret that is not 32 bytes in base64 stops the start, naming the setting.</summary>
    public static KeysAtRest? From(IConfiguration configuration)
    {
        var text = configuration[SettingName];
        return string.IsNullOrWhiteSpace(text) ? null : Parse(text);
    }

    /// <summary>The secret from its base64 text; anything but 32 bytes throws, naming the setting.</summary>
    public static KeysAtRest Parse(string text)
    {
        var key = new byte[32];
        if (!Convert.TryFromBase64String(text.Trim(), key, out var length) || length != 32)
        {
            throw new InvalidOperationException($"{SettingName} must be 32 random bytes in base64 (e.g. `openssl rand -base64 32`).");
        }

        return new KeysAtRest(key);
    }

    /// <summary>
    /// AES-256-GCM with a fresh nonce. <paramref name="boundTo"/> (e.g. the key's id) is authenticated, not stored: the
    /// sealed bytes open only for the same value, so they cannot be moved to another row.
    /// </summary>
    public Sealed Seal(ReadOnlySpan<byte> plain, ReadOnlySpan<byte> boundTo = default)
    {
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        var cipher = new byte[plain.Length];
        using var aes = new AesGcm(_key, tag.Length);
        aes.Encrypt(nonce, plain, cipher, tag, boundTo);
        return new Sealed(nonce, tag, cipher);
    }

    /// <summary>The plain bytes; a wrong secret (or changed bytes) throws <see cref="AuthenticationTagMismatchException"/>.</summary>
    public byte[] Open(Sealed data, ReadOnlySpan<byte> boundTo = default)
    {
        var plain = new byte[data.Cipher.Length];
        using var aes = new AesGcm(_key, data.Tag.Length);
        aes.Decrypt(data.Nonce, data.Cipher, data.Tag, plain, boundTo);
        return plain;
    }
}

/// <summary>What <see cref="KeysAtRest.Seal"/> gives; <see cref="ToBytes"/> packs it as nonce, tag, cipher text.</summary>
public sealed record Sealed(byte[] Nonce, byte[] Tag, byte[] Cipher)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public byte[] ToBytes() => [.. Nonce, .. Tag, .. Cipher];

    public static Sealed FromBytes(byte[] packed) => packed.Length < NonceSize + TagSize
        ? throw new CryptographicException("Too short for sealed data.")
        : new Sealed(packed[..NonceSize], packed[NonceSize..(NonceSize + TagSize)], packed[(NonceSize + TagSize)..]);
}
