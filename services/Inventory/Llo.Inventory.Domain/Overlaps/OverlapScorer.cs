using Llo.Inventory.Domain.Projects;

namespace Llo.Inventory.Domain.Overlaps;

/// <summary>
/// Scores how much an existing project looks like a draft ("doublure"). The weights add up to 1:
/// <list type="bullet">
/// <item>0.40 shared terms: the larger of the Dice coefficient of the title+summary terms and the trigram
///   similarity of the titles (so "Gaan voor een baan" and "Gaan voor een baan Maassluis" score high even with few words);</item>
/// <item>0.15 a shared focus line (there are only three, so on its own it is weak evidence);</item>
/// <item>0.15 a shared sector;</item>
/// <item>0.10 the same campus;</item>
/// <item>0.05 overlapping periods (both need a start date; an open end runs forever);</item>
/// <item>0.15 shared partner organisations, scaled by the share of the smaller partner list.</item>
/// </list>
/// A project is reported from <see cref="ReportThreshold"/>: same focus line and sector alone (0.30) is not an overlap,
/// with a shared partner or similar words it is.
/// </summary>
public static class OverlapScorer
{
    public const double TermsWeight = 0.40;
    public const double FocusLineWeight = 0.15;
    public const double SectorWeight = 0.15;
    public const double CampusWeight = 0.10;
    public const double PeriodWeight = 0.05;
    public const double PartnersWeight = 0.15;
    public const double ReportThreshold = 0.35;

    private const int MaxTermsInReason = 5;

    /// <param name="titleSimilarity">Trigram similarity of the two titles (0..1), 0 when unknown.</param>
    public static OverlapScore Score(OverlapProfile draft, OverlapProfile existing, double titleSimilarity = 0)
    {
        var reasons = new List<string>();
        double score = 0;

        var sharedTerms = draft.Terms.Keys.Where(existing.Terms.ContainsKey).ToList();
        var dice = draft.Terms.Count + existing.Terms.Count == 0
            ? 0
            : 2.0 * sharedTerms.Count / (draft.Terms.Count + existing.Terms.Count);
        var termSimilarity = Math.Max(dice, Math.Clamp(titleSimilarity, 0, 1));
        score += TermsWeight * termSimilarity;
        if (sharedTerms.Count > 0)
        {
            reasons.Add("Gedeelde termen: " + string.Join(", ", sharedTerms.Take(MaxTermsInReason).Select(t => draft.Terms[t])));
        }
        else if (titleSimilarity >= 0.5)
        {
            reasons.Add("Vergelijkbare titel");
        }

        var focusLines = draft.FocusLines.Intersect(existing.FocusLines).ToList();
        if (focusLines.Count > 0)
        {
            score += FocusLineWeight;
            reasons.Add("Zelfde focuslijn: " + string.Join(", ", focusLines.Select(Labels.Dutch)));
        }

        var sectors = Shared(draft.Sectors, existing.Sectors);
        if (sectors.Count > 0)
        {
            score += SectorWeight;
            reasons.Add("Zelfde sector: " + string.Join(", ", sectors));
        }

        if (!string.IsNullOrEmpty(draft.Campus) && string.Equals(draft.Campus, existing.Campus, StringComparison.OrdinalIgnoreCase))
        {
            score += CampusWeight;
            reasons.Add("Zelfde campus: " + draft.Campus);
        }

        if (PeriodsOverlap(draft, existing))
        {
            score += PeriodWeight;
            reasons.Add("Overlappende periode");
        }

        var partners = Shared(draft.Partners, existing.Partners);
        if (partners.Count > 0)
        {
            var smaller = Math.Min(draft.Partners.Count, existing.Partners.Count);
            score += PartnersWeight * Math.Min(1.0, (double)partners.Count / smaller);
            reasons.Add("Gedeelde partners: " + string.Join(", ", partners));
        }

        return new OverlapScore(Math.Round(Math.Clamp(score, 0, 1), 3), reasons);
    }

    public static bool PeriodsOverlap(OverlapProfile a, OverlapProfile b)
    {
        if (a.StartDate is not { } aStart || b.StartDate is not { } bStart)
        {
            return false;
        }

        var aEnd = a.EndDate ?? DateOnly.MaxValue;
        var bEnd = b.EndDate ?? DateOnly.MaxValue;
        return aStart <= bEnd && bStart <= aEnd;
    }

    private static List<string> Shared(IReadOnlyList<string> draft, IReadOnlyList<string> existing) =>
        draft.Where(d => existing.Any(e => string.Equals(e.Trim(), d.Trim(), StringComparison.OrdinalIgnoreCase)))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
}
