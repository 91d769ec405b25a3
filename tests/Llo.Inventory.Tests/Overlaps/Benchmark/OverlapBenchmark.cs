using System.Diagnostics;
using System.Globalization;
using System.Text;
using Llo.Inventory.Api.Overlaps;
using Llo.Inventory.Domain.Overlaps;
using Llo.Inventory.Domain.Projects;
using Llo.Inventory.Tests.Infrastructure;
using Llo.Inventory.Tests.Overlaps.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;
using Contract = Llo.Contracts.Inventory.V1;

namespace Llo.Inventory.Tests.Overlaps.Benchmark;

/// <summary>
/// An overlap check on 10,000 projects (issue 7: p50 under 50 ms), side by side in one run with two baselines: the
/// candidate query the check used before the in-memory index (its two queries as they were, without the small
/// in-memory scoring that followed them), and the index before it skipped the refresh query and added up evidence over
/// its postings (<see cref="BaselineOverlapIndex"/>). The three take turns, in a rotating order, so the machine's load
/// falls on all of them alike; the index and its baseline must give the same answers for every draft.
/// Projects are written from the words of the evaluation texts with a fixed seed, so every run scores the same data.
/// </summary>
public sealed class OverlapBenchmark(InventoryHost host, ITestOutputHelper output) : IClassFixture<InventoryHost>
{
    private const int Projects = 10_000;
    private const int Rounds = 100;

    [BenchFact]
    public async Task An_overlap_check_on_ten_thousand_projects()
    {
        await host.Services.GetRequiredService<OverlapLanguage>().WhenLoaded;
        var drafts = OverlapEvaluationSet.Drafts();
        await InsertAsync(drafts);
        var finder = host.Services.GetRequiredService<OverlapFinder>();
        var data = drafts.Select(d => new ProjectData(d.Title, d.Summary, "", [FocusLine.SchoolToWork], [], ["Techniek"], [], null, [],
            [new ProjectPartner("Riverboard", PartnerRole.Lead)], ProjectStatus.Idea, null, null, null, null, "", "", [])).ToList();

        var baseline = new BaselineOverlapIndex(host.Database.DataSource, host.Services.GetRequiredService<OverlapLanguage>(), TimeProvider.System);
        var cold = Stopwatch.StartNew();
        await finder.FindAsync(data[0], null, 5, default);
        cold.Stop();
        await BaselineAsync(baseline, data[0]);
        await Task.Delay(TimeSpan.FromSeconds(6)); // steady state: nothing written within the index's 5 s late-commit margin
        var loadBefore = await LoadAsync();

        var index = new List<double>();
        var previous = new List<double>();
        var query = new List<double>();
        for (var i = 0; i < Rounds; i++)
        {
            var draft = data[(i * 7) % data.Count];
            for (var turn = 0; turn < 3; turn++)
            {
                var watch = Stopwatch.StartNew();
                switch ((i + turn) % 3)
                {
                    case 0:
                        var found = await finder.FindAsync(draft, null, 5, default);
                        index.Add(watch.Elapsed.TotalMilliseconds);
                        Assert.Equal(Answer(await BaselineAsync(baseline, draft)), Answer(found));
                        break;
                    case 1:
                        await BaselineAsync(baseline, draft);
                        previous.Add(watch.Elapsed.TotalMilliseconds);
                        break;
                    default:
                        await BeforeAsync(draft);
                        query.Add(watch.Elapsed.TotalMilliseconds);
                        break;
                }
            }
        }

        var load = await LoadAsync();
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Overlap check on {Projects:N0} projects, {Rounds} checks each, taking turns (title+summary drafts of the evaluation set, with focus line, sector and partner)")
            .AppendLine("| | p50 ms | p95 ms | p99 ms | max ms |")
            .AppendLine("|---|---|---|---|---|")
            .AppendLine(Row("before issue 7: candidate query (PostgreSQL)", query))
            .AppendLine(Row("baseline: index with a refresh query per check, ranked per candidate (d6f0917)", previous))
            .AppendLine(Row("now: index following changes, evidence added up over postings", index))
            .AppendLine(CultureInfo.InvariantCulture, $"ratio baseline/now at p50: {Percentile(previous, 0.5) / Percentile(index, 0.5):0.0}x, at p99: {Percentile(previous, 0.99) / Percentile(index, 0.99):0.0}x; goal p50 < 50 ms: {(Percentile(index, 0.5) < 50 ? "PASS" : "FAIL")}; the same answers as the baseline for all {Rounds} drafts")
            .AppendLine(CultureInfo.InvariantCulture, $"first check (builds the index of {Projects:N0} projects): {cold.Elapsed.TotalMilliseconds:0} ms")
            .AppendLine(CultureInfo.InvariantCulture, $"load average before / after the timed checks (1/5/15 min, running/total): {loadBefore} / {load}; cores: {Environment.ProcessorCount}")
            .ToString();
        output.WriteLine(report);
        if (Environment.GetEnvironmentVariable("LLO_BENCH_OUT") is { Length: > 0 } file)
        {
            await File.WriteAllTextAsync(file, report);
        }

        // The 50 ms goal is reported, not asserted: on a shared machine the load decides it. Faster than before must hold.
        Assert.True(Percentile(index, 0.5) < Percentile(query, 0.5), report);
    }

    private static async Task<string> LoadAsync() =>
        File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Trim() : "?";

    /// <summary>What <see cref="OverlapFinder.FindAsync"/> does with the index's answer, on the baseline's.</summary>
    private static async Task<IReadOnlyList<Contract.Overlap>> BaselineAsync(BaselineOverlapIndex baseline, ProjectData draft)
    {
        var found = await baseline.ScoreAsync(draft, null, OverlapScorer.ReportThreshold, OverlapFinder.MaxMaxResults, default);
        var cutoff = found.Count == 0 ? 0 : found[0].Score.Score * OverlapScorer.RelativeCutoff;
        return found.TakeWhile(f => f.Score.Score >= cutoff).Take(5).Select(f => new Contract.Overlap
        {
            ProjectId = f.Id.ToString(),
            Title = f.Title,
            Score = f.Score.Score,
            Reasons = { f.Score.Reasons },
        }).ToList();
    }

    private static string Answer(IEnumerable<Contract.Overlap> overlaps) =>
        string.Join("\n", overlaps.Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.ProjectId} {o.Score:R} {string.Join(" | ", o.Reasons)}")));

    private static string Row(string what, List<double> ms) => string.Create(CultureInfo.InvariantCulture,
        $"| {what} | {Percentile(ms, 0.5):0.0} | {Percentile(ms, 0.95):0.0} | {Percentile(ms, 0.99):0.0} | {ms.Max():0.0} |");

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
    }

    /// <summary>10,000 projects whose titles and summaries mix the words of the evaluation texts.</summary>
    private async Task InsertAsync(IReadOnlyList<OverlapEvaluationSet.LabelledDraft> drafts)
    {
        var words = drafts.SelectMany(d => $"{d.Title} {d.Summary}".Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        var random = new Random(7);
        string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => words[random.Next(words.Length)]));
        string[] focus = ["SchoolToWork", "WorkToWork", "HomeToWork"];
        string[] sectors = ["Techniek", "Zorg en welzijn", "Food", "Logistiek", "Onderwijs", "Horeca", "ICT"];

        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY projects (id, title, summary, description, focus_lines, sectors, partners, status, start_date) FROM STDIN (FORMAT BINARY)"))
        {
            await WriteAsync(writer, Words, focus, sectors);
        }

        await using var analyse = new NpgsqlCommand("ANALYZE projects", connection);
        await analyse.ExecuteNonQueryAsync();
    }

    private static async Task WriteAsync(NpgsqlBinaryImporter writer, Func<int, string> words, string[] focus, string[] sectors)
    {
        for (var i = 0; i < Projects; i++)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(Guid.CreateVersion7());
            await writer.WriteAsync(words(4));
            await writer.WriteAsync(words(25));
            await writer.WriteAsync(words(60));
            await writer.WriteAsync(new[] { focus[i % 3] });
            await writer.WriteAsync(new[] { sectors[i % sectors.Length] });
            await writer.WriteAsync($$"""[{"organisation": "Partner {{i % 300}}", "role": "Lead"}]""", NpgsqlTypes.NpgsqlDbType.Jsonb);
            await writer.WriteAsync("Running");
            await writer.WriteAsync(new DateOnly(2022, 1, 1).AddDays(i % 900), NpgsqlTypes.NpgsqlDbType.Date);
        }

        await writer.CompleteAsync();
    }

    /// <summary>The two queries of the check before issue 7 (draft lexemes, then candidates), read to the end.</summary>
    private async Task BeforeAsync(ProjectData draft)
    {
        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        var words = System.Text.RegularExpressions.Regex.Split($"{draft.Title} {draft.Summary}", @"[^\p{L}\p{N}]+")
            .Where(w => w.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var lexemes = new List<string>();
        await using (var command = new NpgsqlCommand("SELECT w, tsvector_to_array(to_tsvector('dutch', w)) FROM unnest(@words) WITH ORDINALITY AS t(w, n) ORDER BY n", connection))
        {
            command.Parameters.AddWithValue("words", words);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lexemes.AddRange(reader.GetFieldValue<string[]>(1));
            }
        }

        await using var candidates = new NpgsqlCommand(
            """
            SELECT p.id, p.title, p.focus_lines, p.sectors, p.campus, p.partners, p.start_date, p.end_date,
                   tsvector_to_array(to_tsvector('dutch', regexp_replace(p.title || ' ' || p.summary, '[^[:alnum:]]+', ' ', 'g'))),
                   similarity(p.title, @title)
            FROM projects p
            WHERE NOT p.archived
              AND (p.search @@ @terms::tsquery
                   OR p.title % @title
                   OR (p.focus_lines && @focus_lines AND p.sectors && @sectors)
                   OR p.campus = @campus
                   OR EXISTS (SELECT 1 FROM jsonb_array_elements(p.partners) x WHERE lower(x ->> 'organisation') = ANY (@partners)))
            ORDER BY similarity(p.title, @title) DESC, p.id
            LIMIT 200
            """, connection);
        candidates.Parameters.AddWithValue("title", draft.Title);
        candidates.Parameters.AddWithValue("terms", NpgsqlTypes.NpgsqlDbType.Text, lexemes.Count == 0
            ? DBNull.Value
            : string.Join(" | ", lexemes.Distinct().Select(l => "'" + l.Replace("\\", "\\\\").Replace("'", "''") + "':AB")));
        candidates.Parameters.AddWithValue("focus_lines", draft.FocusLines.Select(f => f.ToString()).ToArray());
        candidates.Parameters.AddWithValue("sectors", draft.Sectors.ToArray());
        candidates.Parameters.AddWithValue("campus", NpgsqlTypes.NpgsqlDbType.Text, (object?)draft.Campus ?? DBNull.Value);
        candidates.Parameters.AddWithValue("partners", draft.Partners.Select(p => p.Organisation.ToLowerInvariant()).ToArray());
        await using var rows = await candidates.ExecuteReaderAsync();
        while (await rows.ReadAsync())
        {
        }
    }
}
