using Llo.Inventory.Domain.Projects;
using Common = Llo.Contracts.Common.V1;

namespace Llo.Inventory.Api.Validation;

/// <summary>The region's reference fields as every request names them, with one wording for each mistake.</summary>
public static class RegionFields
{
    /// <summary>Null for "not given" (UNSPECIFIED); an undefined number is a violation.</summary>
    public static FocusLine? FocusLine(Common.FocusLine value, string field, FieldViolations violations) =>
        InventoryEnums.FocusLines.Optional(value, field, "focuslijn", violations);

    /// <summary>The canonical name, or null when none was given or it is not one of the region's (then a violation).</summary>
    public static string? Municipality(string text, string field, FieldViolations violations) =>
        Known(text, Region.Municipality, field, "gemeente", Region.Municipalities, violations);

    /// <summary>Each entry a municipality of the region (a blank one too is a violation), canonical and without repeats, within <paramref name="bound"/>.</summary>
    public static List<string> Municipalities(IList<string> values, ListBound bound, string field, FieldViolations violations)
    {
        var result = new List<string>();
        if (!bound.Check(values.Count, field, violations))
        {
            return result;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(values[i]))
            {
                violations.Add($"{field}[{i}]", $"Een lege gemeente; laat deze weg of kies uit: {string.Join(", ", Region.Municipalities)}.");
            }
            else if (Municipality(values[i], $"{field}[{i}]", violations) is { } known && !result.Contains(known))
            {
                result.Add(known);
            }
        }

        return result;
    }

    public static string? Campus(string text, string field, FieldViolations violations) =>
        Known(text, Region.Campus, field, "campus", Region.Campuses, violations);

    private static string? Known(
        string text, Func<string, string?> lookup, string field, string what, IReadOnlyList<string> choices, FieldViolations violations)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var known = lookup(text);
        if (known is null)
        {
            violations.Add(field, $"Onbekende {what} \"{Echo.Of(text.Trim())}\". Kies uit: {string.Join(", ", choices)}.");
        }

        return known;
    }
}
