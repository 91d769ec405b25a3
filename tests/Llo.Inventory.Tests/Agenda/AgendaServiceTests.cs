using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Llo.Contracts.Inventory.V1;
using Llo.Inventory.Tests.Infrastructure;

namespace Llo.Inventory.Tests.Agenda;

public sealed class AgendaServiceTests(InventoryHost host) : IClassFixture<InventoryHost>
{
    private const string Items = "/api/inventory/v1/agendaItems";

    private static object Item(string title, string organiser, string date = "2022-09-15", bool isPublic = true,
        string[]? projectIds = null, string focusLine = "FOCUS_LINE_SCHOOL_TO_WORK", string municipality = "Schiedam",
        string description = "") => new
    {
        title,
        date,
        startTime = "14:00",
        endTime = "16:30",
        place = "Stadskantoor Schiedam",
        organiser,
        topic = "Gaan voor een baan",
        description,
        projectIds = projectIds ?? [],
        focusLine,
        municipality,
        @public = isPublic,
    };

    /// <summary>Every agenda row, link and outbox event as text, to compare before and after a refused write.</summary>
    private async Task<string> StoredAsync()
    {
        await using var command = host.Database.DataSource.CreateCommand("""
            SELECT (SELECT count(*) FROM agenda_items) || '|' || (SELECT count(*) FROM messaging_outbox) || '|' ||
                   coalesce((SELECT string_agg(a::text, E'\n' ORDER BY a.id) FROM agenda_items a), '') || '|' ||
                   coalesce((SELECT string_agg(l::text, E'\n' ORDER BY l::text) FROM agenda_item_projects l), '')
            """);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task<JsonElement> CreateAsync(object item) => await (await host.Json.PostAsJsonAsync(Items, item)).JsonAsync();

    private static IReadOnlyList<string> Titles(JsonElement list) =>
        list.TryGetProperty("items", out var items) ? items.EnumerateArray().Select(i => i.GetProperty("fields").GetProperty("title").GetString()!).ToList() : [];

    [Fact]
    public async Task A_partner_publishes_a_meeting_linked_to_a_project_and_reads_it_back()
    {
        var projectId = await ProjectRows.InsertAsync(host.Database, "Campus Technoplaza");

        var created = await CreateAsync(Item("Open dag Technoplaza", "Technoplaza", projectIds: [projectId.ToString()]));

        var id = created.GetProperty("id").GetString()!;
        var read = await (await host.Json.GetAsync($"{Items}/{id}")).JsonAsync();
        var fields = read.GetProperty("fields");
        Assert.Equal("Open dag Technoplaza", fields.GetProperty("title").GetString());
        Assert.Equal("14:00", fields.GetProperty("startTime").GetString());
        Assert.Equal([projectId.ToString()], fields.GetProperty("projectIds").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task Bad_fields_are_refused_naming_each_one_and_nothing_is_stored()
    {
        var unknownProject = Guid.NewGuid().ToString();
        var before = await StoredAsync();
        var response = await host.Json.PostAsJsonAsync(Items, new
        {
            title = "",
            date = "15-09-2022",
            startTime = "16:00",
            endTime = "15:00",
            place = "",
            organiser = new string('x', 201),
            projectIds = new[] { "geen-id", unknownProject },
            municipality = "Rotterdam",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["item.title", "item.place", "item.organiser", "item.date", "item.endTime", "item.projectIds[0]", "item.municipality", "item.projectIds[1]"],
            await ApiErrors.JsonFieldsAsync(response));
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task An_item_is_updated_and_deleted_and_unknown_ids_are_not_found()
    {
        var id = (await CreateAsync(Item("Werkconferentie", "Gemeente Vlaardingen"))).GetProperty("id").GetString()!;

        var updated = await (await host.Json.PutAsJsonAsync($"{Items}/{id}?version=1", Item("Werkconferentie (verplaatst)", "Gemeente Vlaardingen", date: "2022-10-01"))).JsonAsync();
        Assert.Equal("2022-10-01", updated.GetProperty("fields").GetProperty("date").GetString());

        Assert.Equal(HttpStatusCode.OK, (await host.Json.DeleteAsync($"{Items}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Json.GetAsync($"{Items}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Json.DeleteAsync($"{Items}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Json.PutAsJsonAsync($"{Items}/{Guid.NewGuid()}?version=1", Item("x", "y"))).StatusCode);
    }

    [Fact]
    public async Task A_patch_changes_only_the_named_fields_and_a_stale_version_conflicts_without_changing_anything()
    {
        var created = await CreateAsync(Item("Versie: werkconferentie", "Versiepartner", description: "Eerste opzet"));
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal("1", created.GetProperty("version").ToString());

        var patched = await (await host.Json.PatchAsJsonAsync($"{Items}/{id}?version=1&updateMask=title", new { title = "Versie: verplaatst", place = "genegeerd" })).JsonAsync();
        Assert.Equal("2", patched.GetProperty("version").ToString());
        Assert.Equal("Versie: verplaatst", patched.GetProperty("fields").GetProperty("title").GetString());
        Assert.Equal("Stadskantoor Schiedam", patched.GetProperty("fields").GetProperty("place").GetString());
        Assert.Equal("Eerste opzet", patched.GetProperty("fields").GetProperty("description").GetString());

        var stale = await host.Json.PutAsJsonAsync($"{Items}/{id}?version=1", Item("Versie: te laat", "Versiepartner"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var staleDelete = await host.Json.DeleteAsync($"{Items}/{id}?version=1");
        Assert.Equal(HttpStatusCode.Conflict, staleDelete.StatusCode);
        var read = await (await host.Json.GetAsync($"{Items}/{id}")).JsonAsync();
        Assert.Equal("Versie: verplaatst", read.GetProperty("fields").GetProperty("title").GetString());
        Assert.Equal("2", read.GetProperty("version").ToString());

        var unchanged = await (await host.Json.PatchAsJsonAsync($"{Items}/{id}?version=2&updateMask=title", new { title = "Versie: verplaatst" })).JsonAsync();
        Assert.Equal("2", unchanged.GetProperty("version").ToString());
    }

    [Fact]
    public async Task An_update_needs_the_version_and_known_mask_fields_and_stays_validated()
    {
        var id = (await CreateAsync(Item("Masker: netwerkavond", "Maskerpartner"))).GetProperty("id").GetString()!;

        var noVersion = await host.Json.PatchAsJsonAsync($"{Items}/{id}?updateMask=title", new { title = "Zonder versie" });
        Assert.Equal(["version"], await ApiErrors.JsonFieldsAsync(noVersion));
        var unknownField = await host.Json.PatchAsJsonAsync($"{Items}/{id}?version=1&updateMask=kleur", new { title = "x" });
        Assert.Equal(["updateMask[0]"], await ApiErrors.JsonFieldsAsync(unknownField));
        var emptied = await host.Json.PatchAsJsonAsync($"{Items}/{id}?version=1&updateMask=place", new { });
        Assert.Equal(["item.place"], await ApiErrors.JsonFieldsAsync(emptied));

        var read = await (await host.Json.GetAsync($"{Items}/{id}")).JsonAsync();
        Assert.Equal("1", read.GetProperty("version").ToString());
        Assert.Equal("Stadskantoor Schiedam", read.GetProperty("fields").GetProperty("place").GetString());
    }

    [Fact]
    public async Task The_regional_agenda_combines_partners_in_date_order_and_honours_its_filters()
    {
        var projectId = await ProjectRows.InsertAsync(host.Database, "Leerwerkakkoord Food");
        await CreateAsync(Item("Filter: sectortafel food", "Filterpartner Food", date: "2023-03-02", projectIds: [projectId.ToString()],
            focusLine: "FOCUS_LINE_WORK_TO_WORK", municipality: "Maassluis"));
        await CreateAsync(Item("Filter: ouderavond techniek", "Filterpartner School", date: "2023-03-01"));
        await CreateAsync(Item("Filter: intern overleg", "Filterpartner School", date: "2023-03-03", isPublic: false));

        async Task<IReadOnlyList<string>> List(string query) => Titles(await (await host.Json.GetAsync($"{Items}?from=2023-03-01&to=2023-03-31&{query}")).JsonAsync());

        Assert.Equal(["Filter: ouderavond techniek", "Filter: sectortafel food"], await List(""));
        Assert.Equal(["Filter: ouderavond techniek", "Filter: sectortafel food", "Filter: intern overleg"], await List("includeNonPublic=true"));
        Assert.Equal(["Filter: sectortafel food"], await List("focusLine=FOCUS_LINE_WORK_TO_WORK"));
        Assert.Equal(["Filter: sectortafel food"], await List("municipality=maassluis"));
        Assert.Equal(["Filter: sectortafel food"], await List($"projectId={projectId}"));
        Assert.Equal(["Filter: ouderavond techniek"], await List("organiser=School"));
        Assert.Equal(["Filter: sectortafel food"], await List("q=sectortafels"));
        var firstDay = await (await host.Json.GetAsync($"{Items}?from=2023-03-01&to=2023-03-01")).JsonAsync();
        Assert.Equal(["Filter: ouderavond techniek"], Titles(firstDay));
    }

    [Fact]
    public async Task The_agenda_is_paged_with_tokens_bound_to_the_query()
    {
        for (var day = 1; day <= 5; day++)
        {
            await CreateAsync(Item($"Paging {day}", "Pagingpartner", date: $"2024-01-0{day}"));
        }

        var first = await (await host.Json.GetAsync($"{Items}?organiser=Pagingpartner&pageSize=2")).JsonAsync();
        Assert.Equal(["Paging 1", "Paging 2"], Titles(first));
        Assert.Equal(5, first.GetProperty("totalSize").GetInt32());
        var token = first.GetProperty("nextPageToken").GetString();
        var second = await (await host.Json.GetAsync($"{Items}?organiser=Pagingpartner&pageSize=2&pageToken={token}")).JsonAsync();
        Assert.Equal(["Paging 3", "Paging 4"], Titles(second));

        var replayed = await host.Json.GetAsync($"{Items}?organiser=Ander&pageSize=2&pageToken={token}");
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.Equal(["pageToken"], await ApiErrors.JsonFieldsAsync(replayed));
    }

    [Fact]
    public async Task A_page_past_the_end_still_reports_how_many_items_match()
    {
        var ids = new List<string>();
        for (var day = 1; day <= 3; day++)
        {
            ids.Add((await CreateAsync(Item($"Voorbij {day}", "Voorbijpartner", date: $"2024-02-0{day}"))).GetProperty("id").GetString()!);
        }

        var token = (await (await host.Json.GetAsync($"{Items}?organiser=Voorbijpartner&pageSize=2")).JsonAsync()).GetProperty("nextPageToken").GetString();
        await host.Json.DeleteAsync($"{Items}/{ids[0]}");
        await host.Json.DeleteAsync($"{Items}/{ids[1]}");

        var pastTheEnd = await (await host.Json.GetAsync($"{Items}?organiser=Voorbijpartner&pageSize=2&pageToken={token}")).JsonAsync();

        Assert.Empty(Titles(pastTheEnd));
        Assert.Equal(1, pastTheEnd.GetProperty("totalSize").GetInt32());
    }

    [Fact]
    public async Task Bad_filters_are_refused_naming_each_one()
    {
        var response = await host.Json.GetAsync($"{Items}?from=gisteren&projectId=abc&municipality=Delft&pageSize=1000");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["from", "municipality", "projectId", "pageSize"], await ApiErrors.JsonFieldsAsync(response));
    }

    [Fact]
    public async Task The_ics_export_is_a_valid_calendar_of_the_public_agenda_and_honours_the_filters()
    {
        await CreateAsync(Item("Ics: netwerkborrel, HR; Waterweg", "Icspartner", date: "2025-05-20",
            description: "Regel één\nRegel twee met een heel lange tekst die zeker langer is dan vijfenzeventig octets in totaal"));
        await CreateAsync(Item("Ics: ander event", "Icspartner", date: "2025-06-20", municipality: "Vlaardingen"));
        await CreateAsync(Item("Ics: besloten", "Icspartner", date: "2025-05-21", isPublic: false));

        var response = await host.Json.GetAsync("/api/inventory/v1/agenda.ics?organiser=Icspartner&to=2025-05-31");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", calendar);
        Assert.EndsWith("END:VCALENDAR\r\n", calendar);
        var lines = calendar.Replace("\r\n ", "").Split("\r\n");
        Assert.Equal(1, lines.Count(l => l == "BEGIN:VEVENT"));
        Assert.Contains(@"SUMMARY:Ics: netwerkborrel\, HR\; Waterweg", lines);
        Assert.Contains("DTSTART;TZID=Europe/Amsterdam:20250520T140000", lines);
        Assert.Contains("DTEND;TZID=Europe/Amsterdam:20250520T163000", lines);
        Assert.Contains(lines, l => l.StartsWith("UID:", StringComparison.Ordinal) && l.EndsWith("@llo-waterweg", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("DTSTAMP:", StringComparison.Ordinal) && l.EndsWith('Z'));
        Assert.Contains(lines, l => l.StartsWith(@"DESCRIPTION:Regel één\nRegel twee", StringComparison.Ordinal));
        Assert.DoesNotContain("besloten", calendar);
        Assert.DoesNotContain("ander event", calendar);

        var byMunicipality = await host.Json.GetStringAsync("/api/inventory/v1/agenda.ics?organiser=Icspartner&municipality=Vlaardingen");
        Assert.Contains("SUMMARY:Ics: ander event", byMunicipality);
        Assert.DoesNotContain("netwerkborrel", byMunicipality);
    }

    [Fact]
    public async Task The_ics_export_answers_bad_filters_with_field_violations_like_the_rest_of_the_api()
    {
        var response = await host.Json.GetAsync("/api/inventory/v1/agenda.ics?from=morgen&focusLine=FOCUS_LINE_NOWHERE");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["focusLine", "from"], (await ApiErrors.JsonFieldsAsync(response)).Order());
    }

    [Fact]
    public async Task A_gRPC_partner_system_publishes_and_lists_items()
    {
        var client = new AgendaService.AgendaServiceClient(host.Grpc);
        var created = await client.CreateAgendaItemAsync(new CreateAgendaItemRequest
        {
            Item = new AgendaItemFields
            {
                Title = "Grpc: HR-netwerk", Date = "2026-02-03", StartTime = "9:30", EndTime = "11:00", Place = "Online",
                Organiser = "Grpcpartner", Public = true,
            },
        });

        Assert.Equal("09:30", created.Fields.StartTime);
        var listed = await client.ListAgendaItemsAsync(new ListAgendaItemsRequest { Organiser = "Grpcpartner" });
        Assert.Equal([created.Id], listed.Items.Select(i => i.Id));
        var ex = await Assert.ThrowsAsync<RpcException>(() => client.CreateAgendaItemAsync(new CreateAgendaItemRequest { Item = new AgendaItemFields() }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("item.title", ApiErrors.GrpcFields(ex));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_agenda_desk_scaling_and_blind_spot_paths()
    {
        var document = await host.Json.GetStringAsync("/api/inventory/v1/openapi.json");

        Assert.Contains("/api/inventory/v1/agendaItems", document);
        Assert.Contains("/api/inventory/v1/agenda.ics", document);
        Assert.Contains("/api/inventory/v1/deskQuestions/{id}:answer", document);
        Assert.Contains("/scalingProposals/{id}:decide", document);
        Assert.Contains("/api/inventory/v1/blindSpots", document);
    }
}
