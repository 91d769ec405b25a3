namespace Llo.Validation;

/// <summary>A text field that may be left blank but, when filled in, must pass a rule (an e-mail address, a phone number).</summary>
internal static class OptionalText
{
    /// <summary>The trimmed text, or null when blank or breaking <paramref name="isValid"/> (then <paramref name="invalid"/> under <paramref name="field"/>).</summary>
    public static string? Check(string text, Func<string, bool> isValid, string invalid, string field, FieldViolations violations)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        if (isValid(trimmed))
        {
            return trimmed;
        }

        violations.Add(field, invalid);
        return null;
    }
}
