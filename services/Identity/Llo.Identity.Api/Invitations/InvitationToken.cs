using System.Security.Cryptography;
using System.Text;

namespace Llo.Identity.Api.Invitations;

/// <summary>The one-time link token: 32 random bytes, base64url; the database keeps only its SHA-256.</summary>
public static class InvitationToken
{
    public static string New() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(token));

    public static bool LooksValid(string token) =>
        token.Length == 43 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
