using V1 = Llo.Contracts.Finance.V1;

namespace Llo.Finance.Api.CoFinancing;

/// <summary>A rule's fields checked: the funder as an application names it, a whole percent, open or bounded years.</summary>
public sealed record ValidCoFinancingRule(string Funder, int RequiredOwnSharePercent, int? FirstYear, int? LastYear, string? Source);

/// <summary>Checks a co-financing rule's fields, naming each refused field as the JSON caller wrote it.</summary>
public static class CoFinancingRuleValidator
{
    /// <summary>Budget years a rule may name; outside them a year is a typing error, not a regulation.</summary>
    public const int EarliestYear = 2000;
    public const int LatestYear = 2100;

    public static ValidCoFinancingRule Validate(V1.CoFinancingRuleFields? fields, IReadOnlyCollection<string> funders, FieldViolations violations)
    {
        if (fields is null)
        {
            violations.Add("rule", "De cofinancieringsregel ontbreekt.").ThrowIfAny();
        }

        var funder = TextField.Check(fields!.Funder, "rule.funder", "De financier", 100, required: true, violations);
        var named = funders.FirstOrDefault(f => string.Equals(f, funder, StringComparison.OrdinalIgnoreCase));
        if (funder.Length > 0 && named is null)
        {
            violations.Add("rule.funder", $"Er is geen aanvraag bij financier '{funder}'; noem de financier zoals een aanvraag hem noemt.");
        }

        if (fields.RequiredOwnSharePercent is < 1 or > 99)
        {
            violations.Add("rule.requiredOwnSharePercent", "De verplichte eigen bijdrage is een heel percentage van 1 tot en met 99.");
        }

        var first = Year(fields.FirstYear, "rule.firstYear", "Het eerste jaar", violations);
        var last = Year(fields.LastYear, "rule.lastYear", "Het laatste jaar", violations);
        if (first is { } from && last is { } to && to < from)
        {
            violations.Add("rule.lastYear", $"Het laatste jaar {to} ligt vóór het eerste jaar {from}.");
        }

        var source = TextField.Check(fields.Source, "rule.source", "De bron", 1000, required: false, violations);
        violations.ThrowIfAny();
        return new ValidCoFinancingRule(named ?? funder, fields.RequiredOwnSharePercent, first, last, source.Length == 0 ? null : source);
    }

    private static int? Year(int year, string field, string label, FieldViolations violations)
    {
        if (year == 0)
        {
            return null;
        }

        if (year is < EarliestYear or > LatestYear)
        {
            violations.Add(field, $"{label} {year} ligt niet tussen {EarliestYear} en {LatestYear}; 0 of weglaten: zonder grens.");
        }

        return year;
    }
}
