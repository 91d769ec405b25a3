namespace Llo.Validation;

/// <summary>
/// The platform's one rule for a telephone number: a Dutch number as people write it ("010 123 45 67",
/// "06-12345678", "0800 1234") or an international one ("+31 6 1234 5678", "+31 (0)10 1234567", "0032 2 123 45 67").
/// Spaces, dashes, dots and parentheses are layout; the digits must make a number that can be dialled.
/// </summary>
public static class PhoneNumber
{
    public const int MaxLength = 30;

    public const string Invalid =
        "Geen geldig telefoonnummer; schrijf een Nederlands nummer van 10 cijfers (010 123 45 67, 06 12345678) " +
        "of een internationaal nummer met landnummer (+31 6 1234 5678).";

    public static bool IsValid(string text)
    {
        if (text.Length is 0 or > MaxLength)
        {
            return false;
        }

        var international = text.StartsWith('+');
        // "+31 (0)10 …": the trunk zero in parentheses is not dialled from abroad.
        var body = (international ? text[1..] : text).Replace("(0)", " ", StringComparison.Ordinal);
        if (body.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-' or '.' or '(' or ')')))
        {
            return false;
        }

        var digits = new string(body.Where(char.IsAsciiDigit).ToArray());
        if (!international && digits.StartsWith("00", StringComparison.Ordinal))
        {
            international = true;
            digits = digits[2..];
        }

        return international ? IsInternational(digits) : IsDutch(digits);
    }

    /// <summary>The number as typed (trimmed), or null when none was given or it is invalid (then a violation).</summary>
    public static string? Optional(string text, string field, FieldViolations violations) =>
        OptionalText.Check(text, IsValid, Invalid, field, violations);

    // Geographic and mobile numbers have ten digits; 0800/090x service numbers have eight to eleven.
    private static bool IsDutch(string digits) =>
        digits.StartsWith('0') && digits.Length > 1 && digits[1] != '0'
        && (digits.Length == 10 || (IsServiceNumber(digits) && digits.Length is >= 8 and <= 11));

    private static bool IsServiceNumber(string digits) =>
        digits.StartsWith("0800", StringComparison.Ordinal) || digits.StartsWith("090", StringComparison.Ordinal);

    // E.164: a country code that does not start with 0, at most fifteen digits; a Dutch one (31) by the Dutch rule.
    private static bool IsInternational(string digits) =>
        digits.StartsWith("31", StringComparison.Ordinal)
            ? IsDutch("0" + digits[2..])
            : digits.Length is >= 8 and <= 15 && digits[0] != '0';
}
