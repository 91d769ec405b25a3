using System.Globalization;

namespace Llo.Validation;

/// <summary>Calendar dates as the contract writes them: ISO-8601 "2022-03-18", and only dates that exist (no 2022-02-30).</summary>
public static class IsoDate
{
    public static DateOnly? TryParse(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>Null when empty (the date is optional) or invalid (then a violation).</summary>
    public static DateOnly? Optional(string text, string field, FieldViolations violations)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var date = TryParse(text);
        if (date is null)
        {
            violations.Add(field, $"Geen geldige datum \"{Echo.Of(text.Trim())}\": gebruik JJJJ-MM-DD, bv. 2022-03-18.");
        }

        return date;
    }

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
