using Llo.Inventory.Domain.Overlaps;
using Llo.Inventory.Domain.Projects;

namespace Llo.Inventory.Tests.Domain;

public sealed class OverlapScorerTests
{
    private static OverlapProfile Profile(
        string[]? terms = null, FocusLine[]? focusLines = null, string[]? sectors = null, string? campus = null,
        string[]? partners = null, DateOnly? start = null, DateOnly? end = null) =>
        new((terms ?? []).ToDictionary(t => t, t => t + "s"), focusLines ?? [], sectors ?? [], campus, partners ?? [], start, end);

    [Fact]
    public void A_twin_scores_one_and_names_every_reason()
    {
        var draft = Profile(["ondernemer", "netwerk"], [FocusLine.WorkToWork], ["Techniek"], "FIA", ["Stroomopwaarts"], new(2022, 1, 1), new(2022, 12, 31));
        var existing = Profile(["ondernemer", "netwerk"], [FocusLine.WorkToWork], ["techniek"], "FIA", ["stroomopwaarts"], new(2022, 6, 1), null);

        var score = OverlapScorer.Score(draft, existing);

        Assert.Equal(1.0, score.Score);
        Assert.Equal(
            ["Gedeelde termen: ondernemers, netwerks", "Zelfde focuslijn: Werk naar Werk", "Zelfde sector: Techniek",
             "Zelfde campus: FIA", "Overlappende periode", "Gedeelde partners: Stroomopwaarts"],
            score.Reasons);
    }

    [Fact]
    public void Projects_with_nothing_in_common_score_zero_without_reasons()
    {
        var score = OverlapScorer.Score(
            Profile(["campus"], [FocusLine.SchoolToWork], ["Food"], "BIA", ["Gemeente Schiedam"], new(2022, 1, 1), new(2022, 3, 1)),
            Profile(["netwerk"], [FocusLine.HomeToWork], ["Zorg en welzijn"], "ZIA", ["EZK"], new(2023, 1, 1), null));

        Assert.Equal(0, score.Score);
        Assert.Empty(score.Reasons);
    }

    [Fact]
    public void Same_focus_line_and_sector_alone_stay_below_the_report_threshold()
    {
        var score = OverlapScorer.Score(
            Profile(focusLines: [FocusLine.WorkToWork], sectors: ["Techniek"]),
            Profile(focusLines: [FocusLine.WorkToWork], sectors: ["Techniek"]));

        Assert.Equal(0.30, score.Score, 3);
        Assert.True(score.Score < OverlapScorer.ReportThreshold);
    }

    [Fact]
    public void Term_similarity_is_the_dice_coefficient_or_the_title_trigram_similarity_whichever_is_higher()
    {
        var draft = Profile(["gaan", "baan"]);
        var existing = Profile(["gaan", "baan", "maassluis", "route"]);

        Assert.Equal(0.40 * (2.0 * 2 / 6), OverlapScorer.Score(draft, existing).Score, 3);
        Assert.Equal(0.40 * 0.9, OverlapScorer.Score(draft, existing, titleSimilarity: 0.9).Score, 3);
    }

    [Fact]
    public void Shared_partners_count_by_the_share_of_the_smaller_partner_list()
    {
        var score = OverlapScorer.Score(
            Profile(partners: ["Riverboard", "Stroomopwaarts"]),
            Profile(partners: ["Riverboard", "EZK", "BZK", "IQ"]));

        Assert.Equal(0.15 * 0.5, score.Score, 3);
        Assert.Equal(["Gedeelde partners: Riverboard"], score.Reasons);
    }

    [Theory]
    [InlineData("2022-01-01", "2022-06-30", "2022-06-30", null, true)]
    [InlineData("2022-01-01", "2022-06-30", "2022-07-01", "2022-12-31", false)]
    [InlineData("2024-01-01", null, "2022-01-01", null, true)]
    public void Periods_overlap_when_they_share_a_day_and_an_open_end_runs_on(string aStart, string? aEnd, string bStart, string? bEnd, bool overlap)
    {
        var a = Profile(start: DateOnly.Parse(aStart), end: aEnd is null ? null : DateOnly.Parse(aEnd));
        var b = Profile(start: DateOnly.Parse(bStart), end: bEnd is null ? null : DateOnly.Parse(bEnd));
        Assert.Equal(overlap, OverlapScorer.PeriodsOverlap(a, b));
    }

    [Fact]
    public void A_period_without_a_start_never_overlaps() =>
        Assert.False(OverlapScorer.PeriodsOverlap(Profile(), Profile(start: new(2022, 1, 1))));
}
