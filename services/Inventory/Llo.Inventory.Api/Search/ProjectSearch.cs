using System.Net;
using Llo.Hosting.Access;
using Llo.Inventory.Api.Projects;
using Llo.Inventory.Api.Validation;
using Npgsql;
using Contract = Llo.Contracts.Inventory.V1;

namespace Llo.Inventory.Api.Search;

/// <summary>
/// Lists and searches projects: Dutch full-text search (<c>websearch_to_tsquery('dutch', q)</c> over the stored,
/// weighted tsvector), ranked with <c>ts_rank_cd</c>, with highlighted snippets, filters on every field, paging with
/// opaque tokens and a fixed set of sort orders.
/// </summary>
public sealed class ProjectSearch(NpgsqlDataSource dataSource)
{
    public static readonly PageLimits PageLimits = new(Default: 20, Max: 100);

    // Control characters cannot occur in validated text, so they mark hits safely until the snippet is HTML-encoded.
    private const string HitStart = "\u0002";
    private const string HitEnd = "\u0003";
    private const string HeadlineOptions = $"StartSel={HitStart}, StopSel={HitEnd}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"";

    private static readonly Dictionary<string, string> Orders = new(StringComparer.Ordinal)
    {
        ["relevance"] = "rank DESC, p.updated_at DESC, p.id",
        ["title"] = "lower(p.title), p.id",
        ["-updatedAt"] = "p.updated_at DESC, p.id",
        ["startDate"] = "p.start_date ASC NULLS LAST, p.id",
        ["-startDate"] = "p.start_date DESC NULLS LAST, p.id",
    };

    // Without seeding, a list can be the process's first read of project rows.
    static ProjectSearch() => ProjectStore.UseJsonColumns();

    public async Task<Contract.ListProjectsResponse> ListAsync(Contract.ListProjectsRequest request, Caller caller, CancellationToken ct)
    {
        var violations = new FieldViolations();
        var query = ProjectQuery.From(request, violations);
        var orderBy = string.IsNullOrWhiteSpace(request.OrderBy) ? (query.Text is null ? "-updatedAt" : "relevance") : request.OrderBy.Trim();
        if (!Orders.ContainsKey(orderBy))
        {
            violations.Add("orderBy", $"Onbekende sortering \"{orderBy}\". Kies uit: {string.Join(", ", Orders.Keys)}.");
        }

        var page = Page.Parse(request.PageSize, request.PageToken, PageLimits, violations, query.Canonical, orderBy);
        violations.ThrowIfAny();

        // Relevance only means something with search text; without it the newest changes come first.
        var order = Orders[orderBy == "relevance" && query.Text is null ? "-updatedAt" : orderBy];
        var list = query.ToList().Parameter("headline", HeadlineOptions);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // The snippet is costly, so it is made only for the page's rows, around the page query.
        var hits = await list.PageAsync<Hit>(connection, $"{ProjectStore.Columns}, CASE WHEN @q IS NULL THEN 0 ELSE ts_rank_cd(p.search, q.query) END AS rank",
            order, page.Offset, page.Size, ct, around: rows => $"""
                SELECT page.*,
                       CASE WHEN @q IS NULL THEN NULL
                            ELSE ts_headline('dutch', page.title || '. ' || page.summary || ' ' || llo_join_words(page.sectors) || ' ' ||
                                             llo_join_words(page.target_groups) || ' ' || page.description || ' ' ||
                                             page.results || ' ' || page.lessons_learned || ' ' || llo_partner_names(page.partners),
                                             q.query, @headline) END AS snippet
                FROM ({rows}) page, q
                ORDER BY {order.Replace("p.", "page.")}
                """);

        var response = new Contract.ListProjectsResponse { TotalSize = hits.Total };
        foreach (var hit in hits.Rows)
        {
            var project = hit.ToStored().ToContractFor(caller);
            project.Rank = hit.Rank;
            project.Snippet = hit.Snippet is null ? "" : Highlight(hit.Snippet);
            response.Projects.Add(project);
        }

        response.NextPageToken = page.NextToken(response.Projects.Count, response.TotalSize);
        return response;
    }

    /// <summary>The snippet as safe HTML: the text encoded, the hits in &lt;mark&gt;.</summary>
    public static string Highlight(string headline) =>
        WebUtility.HtmlEncode(headline).Replace(HitStart, "<mark>").Replace(HitEnd, "</mark>");

    /// <summary>A project row with its rank and highlighted text.</summary>
    private sealed class Hit : ProjectStore.Row
    {
        public float Rank { get; init; }
        public string? Snippet { get; init; }
    }
}
