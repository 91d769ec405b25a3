using Grpc.Core;
using Llo.Contracts.Common.V1;
using Llo.Contracts.Inventory.V1;
using Llo.Inventory.Tests.Infrastructure;

namespace Llo.Inventory.Tests.Search;

/// <summary>Dutch full-text search, filters, paging and sorting over the seeded 2022 projects.</summary>
public sealed class ProjectSearchTests(SeededInventoryHost host) : IClassFixture<SeededInventoryHost>
{
    private readonly ProjectService.ProjectServiceClient _client = new(host.Grpc);

    private Task<ListProjectsResponse> ListAsync(ListProjectsRequest request) => _client.ListProjectsAsync(request).ResponseAsync;

    [Fact]
    public async Task Searching_ondernemer_finds_projects_that_say_ondernemers_with_the_hit_marked_in_the_snippet()
    {
        var result = await ListAsync(new ListProjectsRequest { Q = "ondernemer" });

        Assert.NotEmpty(result.Projects);
        Assert.Contains(result.Projects, p => p.Fields.Title == "LLO-netwerk van HR-managers");
        Assert.All(result.Projects, p => Assert.Contains("<mark>", p.Snippet));
        Assert.Contains(result.Projects, p => p.Snippet.Contains("<mark>ondernemers</mark>", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_hit_in_the_title_ranks_above_a_hit_in_the_description_only()
    {
        // The title hit is registered first, so the newest-first tie-break alone would put it last: only rank lifts it.
        var inTitle = (await _client.CreateProjectAsync(new CreateProjectRequest { Project = Drafts.Valid("Rangorde: kraanmachinisten opleiden") })).Project;
        var draft = Drafts.Valid("Rangorde: havenwerk leren");
        draft.Description = "Werkgevers in de haven zoeken kraanmachinisten en leiden ze zelf op.";
        var inDescription = (await _client.CreateProjectAsync(new CreateProjectRequest { Project = draft })).Project;
        try
        {
            var result = await ListAsync(new ListProjectsRequest { Q = "kraanmachinisten" });

            Assert.Equal([inTitle.Id, inDescription.Id], result.Projects.Select(p => p.Id));
            Assert.True(result.Projects[0].Rank > result.Projects[1].Rank, $"{result.Projects[0].Rank} > {result.Projects[1].Rank}");
        }
        finally
        {
            await _client.ArchiveProjectAsync(new ArchiveProjectRequest { Id = inTitle.Id });
            await _client.ArchiveProjectAsync(new ArchiveProjectRequest { Id = inDescription.Id });
        }
    }

    [Fact]
    public async Task Websearch_syntax_excludes_terms_with_a_minus()
    {
        var all = await ListAsync(new ListProjectsRequest { Q = "leerwerkakkoord" });
        var without = await ListAsync(new ListProjectsRequest { Q = "leerwerkakkoord -sectorplan" });

        Assert.Contains(all.Projects, p => p.Fields.Title == "Leerwerkakkoord Waterwegregio");
        Assert.DoesNotContain(without.Projects, p => p.Fields.Title == "Leerwerkakkoord Waterwegregio");
    }

    [Fact]
    public async Task Snippets_are_html_safe()
    {
        var fields = Drafts.Valid("Veilige <script>alert(1)</script> snippet voor R&D");
        await _client.CreateProjectAsync(new CreateProjectRequest { Project = fields });

        var result = await ListAsync(new ListProjectsRequest { Q = "veilige snippet" });

        var snippet = Assert.Single(result.Projects).Snippet;
        Assert.DoesNotContain("<script>", snippet);
        Assert.Contains("R&amp;D", snippet);
        Assert.Contains("<mark>Veilige</mark>", snippet);
        await _client.ArchiveProjectAsync(new ArchiveProjectRequest { Id = result.Projects[0].Id });
    }

    [Fact]
    public async Task Every_filter_narrows_the_list()
    {
        async Task<string[]> Titles(ListProjectsRequest r) => (await ListAsync(r)).Projects.Select(p => p.Fields.Title).Order().ToArray();

        Assert.Equal(["Leerwerkakkoord Waterwegregio", "LLO-netwerk van HR-managers", "Pilot KI-matching voor sociale circulariteit"],
            await Titles(new() { FocusLine = FocusLine.WorkToWork }));
        Assert.Equal(["Online inventarisatie van projecten en LLO-desk"], await Titles(new() { Theme = Theme.KnowledgeSharing, Status = ProjectStatus.Running }));
        Assert.Equal(["Gaan voor een baan Waterwegregio", "Pilot KI-matching voor sociale circulariteit"], await Titles(new() { Status = ProjectStatus.Pilot }));
        Assert.Equal(["Ondersteuning campussen"], await Titles(new() { Campus = "leerwerkplaats techniek" }));
        Assert.Equal(["Pilot KI-matching voor sociale circulariteit"], await Titles(new() { Sector = "ict" }));
        Assert.Equal(["Gaan voor een baan Waterwegregio"], await Titles(new() { TargetGroup = "ouders" }));
        Assert.Equal(["Pilot KI-matching voor sociale circulariteit"], await Titles(new() { Partner = "EZK" }));
        Assert.Equal(7, (await ListAsync(new() { Municipality = "Maassluis" })).TotalSize);
        Assert.Equal(["Boven-regionale samenwerking LLO"], await Titles(new() { ActiveTo = "2022-01-31", ActiveFrom = "2022-01-01", Q = "samenwerking" }));
        Assert.DoesNotContain("Boven-regionale samenwerking LLO", await Titles(new() { ActiveFrom = "2023-01-01" }));
    }

    [Fact]
    public async Task Paging_walks_the_whole_list_with_opaque_tokens_and_reports_the_total()
    {
        var seen = new List<string>();
        var request = new ListProjectsRequest { PageSize = 3, OrderBy = "title", Municipality = "Schiedam" };
        int pages = 0;
        do
        {
            var page = await ListAsync(request);
            Assert.Equal(7, page.TotalSize);
            seen.AddRange(page.Projects.Select(p => p.Fields.Title));
            request.PageToken = page.NextPageToken;
            pages++;
        } while (request.PageToken != "");

        Assert.Equal(3, pages);
        Assert.Equal(seen.Order(StringComparer.OrdinalIgnoreCase), seen);
        Assert.Equal(7, seen.Distinct().Count());
    }

    [Fact]
    public async Task A_page_token_from_another_query_is_refused()
    {
        var first = await ListAsync(new ListProjectsRequest { PageSize = 2, Municipality = "Schiedam" });

        var ex = await Assert.ThrowsAsync<RpcException>(() => ListAsync(new ListProjectsRequest { PageSize = 2, PageToken = first.NextPageToken, Q = "campus" }));

        Assert.Equal(["pageToken"], Assertions.FieldViolations(ex));
    }

    [Fact]
    public async Task Sorting_by_start_date_both_ways()
    {
        var ascending = (await ListAsync(new() { OrderBy = "startDate", Municipality = "Vlaardingen" })).Projects.Select(p => p.Fields.StartDate).ToList();
        var descending = (await ListAsync(new() { OrderBy = "-startDate", Municipality = "Vlaardingen" })).Projects.Select(p => p.Fields.StartDate).ToList();

        Assert.Equal(ascending.Order(StringComparer.Ordinal), ascending);
        Assert.Equal(ascending.Order(StringComparer.Ordinal).Reverse(), descending);
    }

    [Theory]
    [InlineData(-1, "")]
    [InlineData(101, "")]
    [InlineData(10, "oldest")]
    public async Task Page_size_out_of_range_and_unknown_order_are_refused(int pageSize, string orderBy)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => ListAsync(new ListProjectsRequest { PageSize = pageSize, OrderBy = orderBy }));
        Assert.Single(Assertions.FieldViolations(ex));
    }
}
