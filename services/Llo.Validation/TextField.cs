using System.Globalization;

namespace Llo.Validation;

/// <summary>
/// Free text a caller typed: trimmed, within its length, free of control characters and of the invisible characters
/// that can disguise what a title says (reading-direction overrides, zero-width characters).
/// </summary>
public static class TextField
{
    /// <summary>
    /// The trimmed text; problems go to <paramref name="violations"/> under <paramref name="field"/>, worded with
    /// <paramref name="label"/> ("De titel is verplicht.").
    /// </summary>
    public static string Check(string value, string field, string label, int max, bool required, FieldViolations violations)
    {
        var trimmed = value.Trim();
        if (required && trimmed.Length == 0)
        {
            violations.Add(field, $"{label} is verplicht.");
        }
        else if (trimmed.Length > max)
        {
            violations.Add(field, $"{label} is te lang (hoogstens {max.ToString(CultureInfo.InvariantCulture)} tekens, nu {trimmed.Length}).");
        }
        else if (CharacterProblem(trimmed) is { } problem)
        {
            violations.Add(field, problem);
        }

        return trimmed;
    }

    /// <summary>What is wrong with the characters of <paramref name="text"/> (Dutch, for the caller), or null for plain text.</summary>
    public static string? CharacterProblem(string text) =>
        HasControlCharacters(text) ? ControlCharacters : DisguisingCharacters.Find(text);

    public const string ControlCharacters = "Bevat onzichtbare stuurtekens (zoals een nul-teken); alleen gewone tekst, tabs en regeleinden.";

    /// <summary>
    /// True for characters no one types on purpose: the database cannot store a NUL at all, and the search uses
    /// other control characters to mark hits. Tabs and line breaks are text.
    /// </summary>
    public static bool HasControlCharacters(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A search or filter text: at most <paramref name="max"/> characters and no control characters.</summary>
    public static string? Filter(string value, string field, string label, int max, FieldViolations violations)
    {
        var trimmed = Check(value, field, label, max, required: false, violations);
        return trimmed.Length == 0 ? null : trimmed;
    }

    /// <summary>A pattern for <c>ILIKE</c> that finds <paramref name="text"/> anywhere, with its own % and _ taken literally.</summary>
    public static string ContainsPattern(string text) =>
        "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
