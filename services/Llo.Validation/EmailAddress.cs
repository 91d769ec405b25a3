using System.Net.Mail;

namespace Llo.Validation;

/// <summary>
/// The platform's one rule for an e-mail address: a bare address (no display name, no spaces) whose domain has a dot,
/// within the lengths mail servers accept.
/// </summary>
public static class EmailAddress
{
    public const int MaxLength = 254;
    private const int MaxLocalPartLength = 64;

    public const string Invalid = "Geen geldig e-mailadres; schrijf het als naam@voorbeeld.nl.";

    public static bool IsValid(string text)
    {
        if (text.Length is 0 or > MaxLength || text.Any(char.IsWhiteSpace) || !MailAddress.TryCreate(text, out var address))
        {
            return false;
        }

        // MailAddress also accepts "Naam <naam@x.nl>" and a domain without a dot ("naam@localhost"); nobody can mail those.
        var host = address.Host;
        return address.Address == text
               && address.User.Length <= MaxLocalPartLength
               && host.Contains('.') && !host.StartsWith('.') && !host.EndsWith('.') && !host.Contains("..");
    }

    /// <summary>The trimmed address, or null when none was given or it is invalid (then a violation under <paramref name="field"/>).</summary>
    public static string? Optional(string text, string field, FieldViolations violations) =>
        OptionalText.Check(text, IsValid, Invalid, field, violations);
}
