using System.Globalization;
using Llo.Matching.Domain.Scoring;
using Llo.Matching.Domain.Synthetic;
using Llo.Matching.Domain.Taxonomy;

namespace Llo.Matching.Api.Validation;

/// <summary>Checks shared by the twins' validators: ESCO URIs, hours, load, municipality and sector, each naming the caller's field.</summary>
public static class TwinFields
{
    public const int MaxHours = 60;

    /// <summary>The skill of <paramref name="uri"/>, or null with a violation: empty, or not in the loaded taxonomy.</summary>
    public static Skill? Skill(SkillTaxonomy taxonomy, string uri, string field, FieldViolations violations)
    {
        var trimmed = uri.Trim();
        if (trimmed.Length == 0)
        {
            violations.Add(field, "De vaardigheid ontbreekt: geef de ESCO-URI (zoek hem op met /api/matching/v1/skills?q=...).");
            return null;
        }

        if (taxonomy.FindSkill(trimmed) is { } skill)
        {
            return skill;
        }

        violations.Add(field, $"Onbekende vaardigheid \"{Echo.Of(trimmed)}\": dat is geen ESCO-URI van een vaardigheid in de geladen lijst ({taxonomy.Source}).");
        return null;
    }

    /// <summary>Each URI a known skill, without repeats (a repeat is a violation too).</summary>
    public static List<string> Skills(SkillTaxonomy taxonomy, IList<string> uris, ListBound bound, string field, FieldViolations violations)
    {
        var result = new List<string>();
        if (!bound.Check(uris.Count, field, violations))
        {
            return result;
        }

        for (var i = 0; i < uris.Count; i++)
        {
            if (Skill(taxonomy, uris[i], $"{field}[{i}]", violations) is not { } skill)
            {
                continue;
            }

            if (result.Contains(skill.Uri))
            {
                violations.Add($"{field}[{i}]", $"De vaardigheid {skill.Uri} staat er meer dan eens in.");
                continue;
            }

            result.Add(skill.Uri);
        }

        return result;
    }

    public static Occupation? Occupation(SkillTaxonomy taxonomy, string uri, string field, FieldViolations violations, bool required)
    {
        var trimmed = uri.Trim();
        if (trimmed.Length == 0)
        {
            if (required)
            {
                violations.Add(field, "Het beroep ontbreekt: geef de ESCO-URI (zoek hem op met /api/matching/v1/occupations?q=...).");
            }

            return null;
        }

        if (taxonomy.FindOccupation(trimmed) is { } occupation)
        {
            return occupation;
        }

        violations.Add(field, $"Onbekend beroep \"{Echo.Of(trimmed)}\": dat is geen ESCO-URI van een beroep in de geladen lijst ({taxonomy.Source}).");
        return null;
    }

    /// <summary>Hours a week from <paramref name="min"/> to <see cref="MaxHours"/>.</summary>
    public static int Hours(int hours, string field, string label, FieldViolations violations, int min = 1)
    {
        if (hours < min || hours > MaxHours)
        {
            violations.Add(field, $"{label} moet tussen {min} en {MaxHours} uur per week liggen (nu {hours.ToString(CultureInfo.InvariantCulture)}).");
        }

        return hours;
    }

    /// <summary>The load (moderate when not given), or a violation naming the choices.</summary>
    public static Contracts.Matching.V1.LoadLevel Load(Contracts.Matching.V1.LoadLevel load, string field, FieldViolations violations)
    {
        if (EnumMap<Contracts.Matching.V1.LoadLevel, LoadLevel>.IsUnspecified(load))
        {
            return Contracts.Matching.V1.LoadLevel.Moderate;
        }

        MatchingEnums.Loads.Optional(load, field, "belasting", violations);
        return load;
    }

    /// <summary>A municipality of the region, written as the region writes it; null when empty and not required.</summary>
    public static string? Municipality(string text, string field, FieldViolations violations, bool required)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            if (required)
            {
                violations.Add(field, $"Kies een gemeente: {string.Join(", ", SyntheticRegion.Municipalities)}.");
            }

            return null;
        }

        var known = SyntheticRegion.Municipalities.FirstOrDefault(m => string.Equals(m, trimmed, StringComparison.OrdinalIgnoreCase));
        if (known is null)
        {
            violations.Add(field, $"Onbekende gemeente \"{Echo.Of(trimmed)}\". Kies uit: {string.Join(", ", SyntheticRegion.Municipalities)}.");
        }

        return known;
    }

    /// <summary>A sector code of the plan (food, technology, ...), lower-cased; null with a violation otherwise.</summary>
    public static string? Sector(string text, string field, FieldViolations violations)
    {
        var code = text.Trim().ToLowerInvariant();
        if (Sectors.DutchNames.ContainsKey(code))
        {
            return code;
        }

        violations.Add(field, code.Length == 0
            ? $"Kies een sector: {string.Join(", ", Sectors.Codes)}."
            : $"Onbekende sector \"{Echo.Of(code)}\". Kies uit: {string.Join(", ", Sectors.Codes)}.");
        return null;
    }

    /// <summary>A user id (the token's sub, a GUID) or empty.</summary>
    public static string UserId(string text, string field, FieldViolations violations)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return "";
        }

        if (Guid.TryParse(trimmed, out var id) && id != Guid.Empty)
        {
            return id.ToString();
        }

        violations.Add(field, $"Geen geldig gebruikers-id \"{Echo.Of(trimmed)}\" (verwacht een GUID).");
        return "";
    }
}
