using System.Diagnostics;
using System.Globalization;
using System.Text;
using Llo.Inventory.Api.Overlaps;
using Llo.Inventory.Domain.Projects;
using Llo.Inventory.Tests.Infrastructure;
using Llo.Inventory.Tests.Overlaps.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace Llo.Inventory.Tests.Overlaps.Benchmark;

/// <summary>
/// An overlap check on 10,000 projects (issue 7: p50 under 50 ms), beside the candidate query the check used before
/// (the "before" column: its two queries as they were, without the small in-memory scoring that followed them).
/// Projects are written from the words of the evaluation texts with a fixed seed, so every run scores the same data.
/// </summary>
public sealed class OverlapBenchmark(InventoryHost host, ITestOutputHelper output) : IClassFixture<InventoryHost>
{
    private const int Projects = 10_000;
    private const int Rounds = 40;

    [BenchFact]
    public async Task An_overlap_check_on_ten_thousand_projects()
    {
        await host.Services.GetRequiredService<OverlapLanguage>().WhenLoaded;
        var drafts = OverlapEvaluationSet.Drafts();
        await InsertAsync(drafts);
        var finder = host.Services.GetRequiredService<OverlapFinder>();
        var data = drafts.Select(d => new ProjectData(d.Title, d.Summary, "", [FocusLine.SchoolToWork], [], ["Techniek"], [], null, [],
            [new ProjectPartner("Riverboard", PartnerRole.Lead)], ProjectStatus.Idea, null, null, null, null, "", "", [])).ToList();

        var cold = Stopwatch.StartNew();
        await finder.FindAsync(data[0], null, 5, default);
        cold.Stop();
        await Task.Delay(TimeSpan.FromSeconds(6)); // steady state: nothing written within the index's 5 s late-commit margin

        var after = new List<double>();
        var before = new List<double>();
        for (var i = 0; i < Rounds; i++)
        {
            var draft = data[(i * 7) % data.Count];
            var watch = Stopwatch.StartNew();
            await finder.FindAsync(draft, null, 5, default);
            after.Add(watch.Elapsed.TotalMilliseconds);

            watch.Restart();
            await BeforeAsync(draft);
            before.Add(watch.Elapsed.TotalMilliseconds);
        }

        var load = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Trim() : "?";
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Overlap check on {Projects:N0} projects, {Rounds} checks (title+summary drafts of the evaluation set, with focus line, sector and partner)")
            .AppendLine("| | p50 ms | p95 ms | max ms |")
            .AppendLine("|---|---|---|---|")
            .AppendLine(Row("before: candidate query (PostgreSQL)", before))
            .AppendLine(Row("after: in-memory index (refresh query + scoring)", after))
            .AppendLine(CultureInfo.InvariantCulture, $"ratio before/after at p50: {Percentile(before, 0.5) / Percentile(after, 0.5):0.0}x; goal p50 < 50 ms: {(Percentile(after, 0.5) < 50 ? "PASS" : "FAIL")}")
            .AppendLine(CultureInfo.InvariantCulture, $"first check (builds the index of {Projects:N0} projects): {cold.Elapsed.TotalMilliseconds:0} ms")
            .AppendLine(CultureInfo.InvariantCulture, $"load average at the end (1/5/15 min, running/total): {load}; cores: {Environment.ProcessorCount}")
            .ToString();
        output.WriteLine(report);
        if (Environment.GetEnvironmentVariable("LLO_BENCH_OUT") is { Length: > 0 } file)
        {
            await File.WriteAllTextAsync(file, report);
        }

        // The 50 ms goal is reported, not asserted: on a shared machine the load decides it. Faster than before must hold.
        Assert.True(Percentile(after, 0.5) < Percentile(before, 0.5), report);
    }

    private static string Row(string what, List<double> ms) => string.Create(CultureInfo.InvariantCulture,
        $"| {what} | {Percentile(ms, 0.5):0.0} | {Percentile(ms, 0.95):0.0} | {ms.Max():0.0} |");

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
