using System.Globalization;
using System.Text;
using Llo.Contracts.Inventory.V1;

namespace Llo.Inventory.Tests.Overlaps.Evaluation;

/// <summary>
/// Runs the labelled drafts through findOverlaps (title and summary only, the usual first entry) and counts:
/// recall (twin drafts whose twin is reported), precision (reported draft/project pairs that are the true twin),
/// top-1 precision (flagged drafts whose best overlap is the twin) and the rank of the twin among the reported.
/// </summary>
public sealed class OverlapEvaluation
{
    public sealed record Figures(string Part, int Twins, int NonTwins, int TwinsFound, int PairsReported, int PairsCorrect,
        int DraftsFlagged, int TopCorrect, IReadOnlyList<int?> Ranks, int NonTwinsFlagged)
    {
        public double Recall => Twins == 0 ? 0 : (double)TwinsFound / Twins;

        public double Precision => PairsReported == 0 ? 1 : (double)PairsCorrect / PairsReported;

        public double TopPrecision => DraftsFlagged == 0 ? 1 : (double)TopCorrect / DraftsFlagged;

        public double MeanReciprocalRank => Ranks.Count == 0 ? 0 : Ranks.Average(r => r is { } rank ? 1.0 / rank : 0);

        public string Line() => string.Create(CultureInfo.InvariantCulture,
            $"| {Part} | {Twins}/{NonTwins} | {Recall:0.00} | {Precision:0.00} | {TopPrecision:0.00} | {MeanReciprocalRank:0.00} | " +
            $"{Ranks.Count(r => r == 1)}/{Ranks.Count(r => r is > 1)}/{Ranks.Count(r => r is null)} | {NonTwinsFlagged} |");
    }

    public const string Header =
        "| part | twins/non-twins | recall | precision (pairs) | precision (top-1) | MRR | twin rank 1/lower/missed | non-twins flagged |\n" +
        "|---|---|---|---|---|---|---|---|";

    public static async Task<(IReadOnlyList<Figures> Figures, string Misses)> RunAsync(
        ProjectService.ProjectServiceClient client, IReadOnlyDictionary<string, string> ids)
    {
        var results = new List<(OverlapEvaluationSet.LabelledDraft Draft, IReadOnlyList<Overlap> Overlaps)>();
        foreach (var draft in OverlapEvaluationSet.Drafts())
        {
            var response = await client.FindOverlapsAsync(new FindOverlapsRequest
            {
                Draft = new ProjectFields { Title = draft.Title, Summary = draft.Summary },
                MaxResults = 20,
            });
            results.Add((draft, response.Overlaps));
        }

        var misses = new StringBuilder();
        foreach (var (draft, overlaps) in results)
        {
            var twinId = draft.Twin is null ? null : ids[draft.Twin];
            var wrong = overlaps.Where(o => o.ProjectId != twinId).ToList();
            // Only the tune part's errors are shown: the held-out part is judged by its figures, never read while tuning.
            if (draft.Part == "tune" && ((twinId is not null && overlaps.All(o => o.ProjectId != twinId)) || wrong.Count > 0))
            {
                var reported = overlaps.Select(o =>
                    $"{(o.ProjectId == twinId ? "TWIN " : "")}{o.Title} {o.Score.ToString("0.00", CultureInfo.InvariantCulture)} [{string.Join(" | ", o.Reasons)}]");
                misses.AppendLine($"{draft.Part} {draft.Twin ?? "-"} \"{draft.Title}\": {string.Join("; ", reported)}");
            }
        }

        var figures = new[] { "tune", "holdout" }.Select(part =>
        {
            var inPart = results.Where(r => r.Draft.Part == part).ToList();
            var twins = inPart.Where(r => r.Draft.Twin is not null).ToList();
            var ranks = twins.Select(r =>
            {
                var index = r.Overlaps.Select(o => o.ProjectId).ToList().IndexOf(ids[r.Draft.Twin!]);
                return index < 0 ? (int?)null : index + 1;
            }).ToList();
            return new Figures(part, twins.Count, inPart.Count - twins.Count,
                TwinsFound: ranks.Count(r => r is not null),
                PairsReported: inPart.Sum(r => r.Overlaps.Count),
                PairsCorrect: ranks.Count(r => r is not null),
                DraftsFlagged: inPart.Count(r => r.Overlaps.Count > 0),
                TopCorrect: twins.Count(r => r.Overlaps.Count > 0 && r.Overlaps[0].ProjectId == ids[r.Draft.Twin!]),
                Ranks: ranks,
                NonTwinsFlagged: inPart.Count(r => r.Draft.Twin is null && r.Overlaps.Count > 0));
        }).ToList();
        return (figures, misses.ToString());
    }
}
