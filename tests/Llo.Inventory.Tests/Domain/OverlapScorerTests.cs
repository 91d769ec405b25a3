using Llo.Inventory.Domain.Overlaps;
using Llo.Inventory.Domain.Projects;

namespace Llo.Inventory.Tests.Domain;

public sealed class OverlapScorerTests
{
    private static AnalysedText Text(params string[] terms) =>
        new(terms.ToDictionary(t => t, t => new TermHit(t + "s", 1.0)));

    private static OverlapProfile Profile(
        string[]? terms = null, FocusLine[]? focusLines = null, string[]? sectors = null, string? campus = null,
        string[]? partners = null, DateOnly? start = null, DateOnly? end = null) =>
        new(Text(terms ?? []), focusLines ?? [], sectors ?? [], campus, partners ?? [], start, end);

    /// <summary>Ten project texts: "regio" in every one, "zorgcampus" in one, the rest in a few.</summary>
    private static TermStatistics Statistics()
    {
        var statistics = new TermStatistics();
        for (var i = 0; i < 10; i++)
        {
            statistics.Add(Text(["regio", $"woord{i}", .. i == 0 ? new[] { "zorgcampus" } : [], .. i < 3 ? new[] { "ondernemer", "netwerk" } : []]));
        }

        return statistics;
    }

    [Fact]
    public void A_twin_scores_one_and_names_every_reason()
    {
        var draft = Profile(["ondernemer", "netwerk"], [FocusLine.WorkToWork], ["Techniek"], "FIA", ["Stroomopwaarts"], new(2022, 1, 1), new(2022, 12, 31));
        var existing = Profile(["ondernemer", "netwerk"], [FocusLine.WorkToWork], ["techniek"], "FIA", ["stroomopwaarts"], new(2022, 6, 1), null);

        var score = OverlapScorer.Score(draft, existing, Statistics());

        Assert.Equal(1.0, score.Score);
        Assert.Equal(
            ["Gedeelde termen: netwerks, ondernemers", "Zelfde focuslijn: Werk naar Werk", "Zelfde sector: Techniek",
             "Zelfde campus: FIA", "Overlappende periode", "Gedeelde partners: Stroomopwaarts"],
            score.Reasons);
    }

    [Fact]
    public void Projects_with_nothing_in_common_score_zero_without_reasons()
    {
        var score = OverlapScorer.Score(
            Profile(["campus"], [FocusLine.SchoolToWork], ["Food"], "BIA", ["Gemeente Schiedam"], new(2022, 1, 1), new(2022, 3, 1)),
            Profile(["netwerk"], [FocusLine.HomeToWork], ["Zorg en welzijn"], "ZIA", ["EZK"], new(2023, 1, 1), null),
            Statistics());

        Assert.Equal(0, score.Score);
        Assert.Empty(score.Reasons);
    }

    [Fact]
    public void Same_focus_line_and_sector_with_unrelated_text_stay_below_the_report_threshold()
    {
        var score = OverlapScorer.Score(
            Profile(["campus"], focusLines: [FocusLine.WorkToWork], sectors: ["Techniek"]),
            Profile(["netwerk"], focusLines: [FocusLine.WorkToWork], sectors: ["Techniek"]),
            Statistics());

        Assert.Equal((0.10 + 0.10) / (0.50 + 0.10 + 0.10), score.Score, 3);
        Assert.True(score.Score < OverlapScorer.ReportThreshold);
    }

    [Fact]
    public void A_draft_of_only_words_is_scored_on_its_words_so_the_same_words_reach_the_threshold()
    {
        var existing = Profile(["ondernemer", "netwerk", "zorgcampus"], [FocusLine.WorkToWork], ["Techniek"], "FIA", ["Riverboard"], new(2022, 1, 1));

        var score = OverlapScorer.Score(Profile(["ondernemer", "netwerk", "zorgcampus"]), existing, Statistics());

        Assert.Equal(1.0, score.Score);
        Assert.Equal(["Gedeelde termen: zorgcampuss, netwerks, ondernemers"], score.Reasons);
    }

    [Fact]
    public void A_rare_shared_word_weighs_more_than_a_common_one()
    {
        var statistics = Statistics();
        var draft = Profile(["regio", "zorgcampus", "woord1", "woord2"]);

        var sharesCommon = OverlapScorer.Score(draft, Profile(["regio", "woord5"]), statistics);
        var sharesRare = OverlapScorer.Score(draft, Profile(["zorgcampus", "woord5"]), statistics);

        Assert.True(sharesRare.Score > 3 * sharesCommon.Score, $"rare {sharesRare.Score}, common {sharesCommon.Score}");
        Assert.True(statistics.Idf("zorgcampus") > statistics.Idf("regio"));
    }

    [Fact]
    public void Two_shared_words_count_in_full_for_a_two_word_draft_and_in_half_for_a_longer_one()
    {
        var statistics = Statistics();
        var existing = Profile(["zorgcampus", "woord1"]);

        var shortDraft = OverlapScorer.Score(Profile(["zorgcampus", "woord1"]), existing, statistics);
        var longDraft = OverlapScorer.Score(Profile(["zorgcampus", "woord1", "woord2", "woord3", "woord4", "woord5"]), existing, statistics);

        // The long draft's cosine (2 of 6 equally rare words) already saturates; only the count of shared words holds it back.
        Assert.Equal(1.0, shortDraft.Score);
        Assert.Equal(0.5, longDraft.Score);
    }

    [Fact]
    public void A_shared_municipality_of_the_region_counts_as_a_part_of_a_word()
    {
        static OverlapProfile WithMaassluis(params string[] terms) => new(
            new AnalysedText(new Dictionary<string, TermHit>(terms.ToDictionary(t => t, t => new TermHit(t, 1.0)))
            {
                ["maassluis"] = new("Maassluis", 1.0),
            }),
            [], [], null, [], null, null);

        var score = OverlapScorer.Score(
            WithMaassluis("zorgcampus", "woord1", "woord2", "woord3", "woord4"), WithMaassluis("zorgcampus", "woord1", "woord2"), Statistics());

        // Four shared words, one of them the municipality: 3.3 of the 4 needed.
        Assert.Equal(0.825, score.Score);
    }

    [Fact]
    public void A_shared_concept_is_named_with_both_words()
    {
        var draft = new OverlapProfile(new AnalysedText(new Dictionary<string, TermHit>
        {
            ["verzorgend"] = new("verzorgende", 1), ["~7"] = new("verzorgende", 1),
        }), [], [], null, [], null, null);
        var existing = new OverlapProfile(new AnalysedText(new Dictionary<string, TermHit>
        {
            ["zorgmedewerker"] = new("zorgmedewerkers", 1), ["~7"] = new("zorgmedewerkers", 1),
        }), [], [], null, [], null, null);

        var score = OverlapScorer.Score(draft, existing, Statistics());

        Assert.Equal(["Zelfde begrip: verzorgende ≈ zorgmedewerkers"], score.Reasons);
        Assert.InRange(score.Score, OverlapScorer.ReportThreshold, 1.0);
    }

    [Fact]
    public void Shared_partners_count_by_the_share_of_the_smaller_partner_list()
    {
        var score = OverlapScorer.Score(
            Profile(partners: ["Riverboard", "Stroomopwaarts"]),
            Profile(partners: ["Riverboard", "EZK", "BZK", "IQ"]),
            Statistics());

        Assert.Equal(0.5, score.Score, 3); // a draft of only partners is scored on its partners
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
