using System.Text.Json;
using System.Text.RegularExpressions;
using Llo.Inventory.Domain.Overlaps;
using Llo.Inventory.Domain.Projects;
using Npgsql;
using NpgsqlTypes;
using Contract = Llo.Contracts.Inventory.V1;

namespace Llo.Inventory.Api.Overlaps;

/// <summary>
/// Finds existing projects that look like a draft: PostgreSQL supplies candidates (shared title/summary terms in the
/// full-text index, a similar title by trigrams, or shared focus line and sector, campus or partner) and the
/// <see cref="OverlapScorer"/> decides, so the scoring rules stay testable on their own.
/// </summary>
public sealed partial class OverlapFinder(NpgsqlDataSource dataSource)
{
    public const int DefaultMaxResults = 5;
    public const int MaxMaxResults = 20;
    private const int CandidateLimit = 200;

    public async Task<IReadOnlyList<Contract.Overlap>> FindAsync(ProjectData draft, Guid? exclude, int maxResults, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var draftTerms = await DraftTermsAsync(connection, draft, ct);
        var draftProfile = new OverlapProfile(draftTerms, draft.FocusLines, draft.Sectors, draft.Campus,
            draft.Partners.Select(p => p.Organisation).ToList(), draft.StartDate, draft.EndDate);

        await using var command = new NpgsqlCommand(
            """
            SELECT p.id, p.title, p.focus_lines, p.sectors, p.campus, p.partners, p.start_date, p.end_date,
                   tsvector_to_array(to_tsvector('dutch', regexp_replace(p.title || ' ' || p.summary, '[^[:alnum:]]+', ' ', 'g'))),
                   similarity(p.title, @title)
            FROM projects p
            WHERE NOT p.archived
              AND p.id IS DISTINCT FROM @exclude
              AND (p.search @@ @terms::tsquery
                   OR p.title % @title
                   OR (p.focus_lines && @focus_lines AND p.sectors && @sectors)
                   OR p.campus = @campus
                   OR EXISTS (SELECT 1 FROM jsonb_array_elements(p.partners) x WHERE lower(x ->> 'organisation') = ANY (@partners)))
            ORDER BY similarity(p.title, @title) DESC, p.id
            LIMIT @limit
            """, connection);
        command.Parameters.AddWithValue("title", draft.Title);
        command.Parameters.AddWithValue("exclude", NpgsqlDbType.Uuid, exclude is { } id ? id : DBNull.Value);
        command.Parameters.AddWithValue("terms", NpgsqlDbType.Text, draftTerms.Count == 0
            ? DBNull.Value
            // Only the title/summary/sector weights (A, B): sharing a word of a long description is no evidence of a twin.
            : string.Join(" | ", draftTerms.Keys.Select(l => "'" + l.Replace("\\", "\\\\").Replace("'", "''") + "':AB")));
        command.Parameters.AddWithValue("focus_lines", draft.FocusLines.Select(f => f.ToString()).ToArray());
        command.Parameters.AddWithValue("sectors", draft.Sectors.ToArray());
        command.Parameters.AddWithValue("campus", NpgsqlDbType.Text, (object?)draft.Campus ?? DBNull.Value);
        command.Parameters.AddWithValue("partners", draft.Partners.Select(p => p.Organisation.ToLowerInvariant()).ToArray());
        command.Parameters.AddWithValue("limit", CandidateLimit);

        var overlaps = new List<Contract.Overlap>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var partners = JsonSerializer.Deserialize<List<JsonElement>>(reader.GetString(5))!
                .Select(p => p.GetProperty("organisation").GetString() ?? "").ToList();
            var existing = new OverlapProfile(
                reader.GetFieldValue<string[]>(8).ToDictionary(t => t, t => t),
                reader.GetFieldValue<string[]>(2).Select(Enum.Parse<FocusLine>).ToList(),
                reader.GetFieldValue<string[]>(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                partners,
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateOnly>(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateOnly>(7));
            var score = OverlapScorer.Score(draftProfile, existing, reader.GetFloat(9));
            if (score.Score >= OverlapScorer.ReportThreshold)
            {
                overlaps.Add(new Contract.Overlap
                {
                    ProjectId = reader.GetGuid(0).ToString(),
                    Title = reader.GetString(1),
                    Score = score.Score,
                    Reasons = { score.Reasons },
                });
            }
        }

        return overlaps.OrderByDescending(o => o.Score).ThenBy(o => o.Title, StringComparer.Ordinal).Take(maxResults).ToList();
    }

    /// <summary>The draft's title and summary terms as <c>dutch</c> lexemes, each mapped to the first word that produced it.</summary>
    private static async Task<Dictionary<string, string>> DraftTermsAsync(NpgsqlConnection connection, ProjectData draft, CancellationToken ct)
    {
        var words = NonWord().Split($"{draft.Title} {draft.Summary}")
            .Where(w => w.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        var terms = new Dictionary<string, string>();
        if (words.Length == 0)
        {
            return terms;
        }

        await using var command = new NpgsqlCommand(
            "SELECT w, tsvector_to_array(to_tsvector('dutch', w)) FROM unnest(@words) WITH ORDINALITY AS t(w, n) ORDER BY n", connection);
        command.Parameters.AddWithValue("words", words);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            foreach (var lexeme in reader.GetFieldValue<string[]>(1))
            {
                terms.TryAdd(lexeme, reader.GetString(0));
            }
        }

        return terms;
    }

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();
}
