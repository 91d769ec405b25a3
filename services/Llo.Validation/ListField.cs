using System.Globalization;

namespace Llo.Validation;

/// <summary>The upper bound of a list a caller sends, worded once for every service.</summary>
public static class ListField
{
    /// <summary>
    /// True when <paramref name="count"/> is at most <paramref name="max"/>; otherwise one violation on
    /// <paramref name="field"/> naming the limit ("Hoogstens 10 gemeenten (nu 10000).") and false. The caller then
    /// skips the items: checking them would only repeat the point thousands of times in one answer.
    /// </summary>
    public static bool Max(int count, int max, string field, string noun, FieldViolations violations)
    {
        if (count <= max)
        {
            return true;
        }

        violations.Add(field, $"Hoogstens {max.ToString(CultureInfo.InvariantCulture)} {noun} (nu {count.ToString(CultureInfo.InvariantCulture)}).");
        return false;
    }
}
