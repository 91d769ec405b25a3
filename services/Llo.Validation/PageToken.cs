using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Llo.Validation;

/// <summary>
/// An opaque continuation token: base64url of the next offset and a hash of the query it belongs to, so a token
/// is refused when it is replayed against a different query (other filters, search text or order).
/// </summary>
public static class PageToken
{
    private const int HashLength = 8;

    /// <summary>A stable fingerprint of everything that defines a result list (not the page size).</summary>
    public static byte[] Fingerprint(params string?[] queryParts)
    {
        var canonical = string.Join('\u001f', queryParts.Select(p => p ?? ""));
        return SHA256.HashData(Encoding.UTF8.GetBytes(canonical))[..HashLength];
    }

    public static string Encode(int offset, byte[] fingerprint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var bytes = new byte[4 + HashLength];
        BinaryPrimitives.WriteInt32BigEndian(bytes, offset);
        fingerprint.AsSpan(0, HashLength).CopyTo(bytes.AsSpan(4));
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>The offset in <paramref name="token"/>, or false when it is malformed or made for another query.</summary>
    public static bool TryDecode(string token, byte[] fingerprint, out int offset)
    {
        offset = 0;
        // Unpadded base64url, as the inventory's tokens were before this block existed: those stay valid.
        var bytes = new byte[4 + HashLength];
        if (token.Length != Base64Url.GetEncodedLength(bytes.Length)
            || !Base64Url.TryDecodeFromChars(token, bytes, out var written) || written != bytes.Length)
        {
            return false;
        }

        if (!bytes.AsSpan(4).SequenceEqual(fingerprint.AsSpan(0, HashLength)))
        {
            return false;
        }

        offset = BinaryPrimitives.ReadInt32BigEndian(bytes);
        return offset >= 0;
    }
}
