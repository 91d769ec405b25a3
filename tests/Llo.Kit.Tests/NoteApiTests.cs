using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Llo.Hosting.Access;
using Npgsql;
using V1 = Llo.Kit.Tests.SampleService.V1;

namespace Llo.Kit.Tests;

/// <summary>The sample service, built only from the kit's blocks, behaves like a Llo service over JSON and gRPC.</summary>
public sealed class NoteApiTests(KitSampleHost host) : IClassFixture<KitSampleHost>
{
    private const string Notes = "/api/kitsample/v1/notes";

    private async Task<JsonElement> CreateAsync(string title, string topic = "", string body = "") =>
        await KitSampleHost.SuccessAsync(await host.Json.PostAsJsonAsync(Notes, new { title, body, topic }));

    private async Task<List<(string Type, long? Version)>> OutboxAsync(string noteId)
    {
        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            "SELECT type, aggregate_version FROM messaging_outbox WHERE aggregate_id = @id ORDER BY aggregate_version", connection);
        command.Parameters.AddWithValue("id", noteId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, long?)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt64(1)));
        return rows;
    }

    [Fact]
    public async Task A_created_note_is_read_back_over_JSON_and_gRPC_and_its_event_is_in_the_outbox()
    {
        var created = await CreateAsync("  Werkbezoek haven  ", topic: "haven", body: "Met vier scholen.");
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal(1, created.GetProperty("version").GetInt64());
        Assert.Equal("Werkbezoek haven", created.GetProperty("fields").GetProperty("title").GetString());

        var read = await KitSampleHost.SuccessAsync(await host.Json.GetAsync($"{Notes}/{id}"));
        Assert.Equal("Met vier scholen.", read.GetProperty("fields").GetProperty("body").GetString());
        var viaGrpc = await new V1.NoteService.NoteServiceClient(host.Grpc).GetNoteAsync(new V1.GetNoteRequest { Id = id });
        Assert.Equal("haven", viaGrpc.Fields.Topic);

        Assert.Equal([("kitsample.note-created", 1L)], (await OutboxAsync(id)).Select(r => (r.Type, r.Version ?? -1)).ToList());
    }

    [Fact]
    public async Task Writing_needs_the_policy_and_reading_is_anonymous()
    {
        var created = await CreateAsync("Alleen de programmamanager", topic: "toegang");
        var anonymous = host.JsonAs(null);
        var worker = host.JsonAs(KitSampleHost.User(LloRoles.Worker));

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(Notes, new { title = "anoniem" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync(Notes, new { title = "werker" })).StatusCode);
        var read = await KitSampleHost.SuccessAsync(await anonymous.GetAsync($"{Notes}/{created.GetProperty("id").GetString()}"));
        Assert.Equal("Alleen de programmamanager", read.GetProperty("fields").GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_list_filters_by_topic_and_pages_through_every_note_once()
    {
        for (var i = 0; i < 5; i++) await CreateAsync($"Notitie {i}", topic: "paging");
        await CreateAsync("Andere notitie", topic: "anders");

        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await KitSampleHost.SuccessAsync(await host.Json.GetAsync($"{Notes}?topic=paging&pageSize=2&pageToken={token}"));
            Assert.Equal(5, page.GetProperty("totalSize").GetInt32());
            seen.AddRange(page.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("fields").GetProperty("title").GetString()!));
            token = page.GetProperty("nextPageToken").GetString()!;
        }
        while (token.Length > 0);

        Assert.Equal(["Notitie 4", "Notitie 3", "Notitie 2", "Notitie 1", "Notitie 0"], seen);
    }

    [Fact]
    public async Task An_update_with_a_mask_changes_only_the_named_field_bumps_the_version_and_publishes_the_change()
    {
        var id = (await CreateAsync("Oud", topic: "update", body: "Blijft staan.")).GetProperty("id").GetString()!;

        var updated = await KitSampleHost.SuccessAsync(
            await host.Json.PatchAsJsonAsync($"{Notes}/{id}?version=1&updateMask=title", new { title = "Nieuw", body = "genegeerd" }));

        Assert.Equal(2, updated.GetProperty("version").GetInt64());
        Assert.Equal("Nieuw", updated.GetProperty("fields").GetProperty("title").GetString());
        Assert.Equal("Blijft staan.", updated.GetProperty("fields").GetProperty("body").GetString());
        Assert.Equal(["kitsample.note-created", "kitsample.note-changed"], (await OutboxAsync(id)).Select(r => r.Type).ToList());
    }

    [Fact]
    public async Task An_update_that_changes_nothing_keeps_the_version_and_publishes_nothing()
    {
        var id = (await CreateAsync("Gelijk", topic: "noop")).GetProperty("id").GetString()!;

        var answer = await KitSampleHost.SuccessAsync(
            await host.Json.PatchAsJsonAsync($"{Notes}/{id}?version=1&updateMask=title", new { title = " Gelijk " }));

        Assert.Equal(1, answer.GetProperty("version").GetInt64());
        Assert.Single(await OutboxAsync(id));
    }

    [Fact]
    public async Task An_update_on_a_stale_version_is_409_and_changes_nothing()
    {
        var id = (await CreateAsync("Eerste", topic: "stale")).GetProperty("id").GetString()!;
        await KitSampleHost.SuccessAsync(await host.Json.PatchAsJsonAsync($"{Notes}/{id}?version=1&updateMask=title", new { title = "Tweede" }));

        var stale = await host.Json.PatchAsJsonAsync($"{Notes}/{id}?version=1&updateMask=title", new { title = "Derde" });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("intussen gewijzigd", await stale.Content.ReadAsStringAsync());
        var read = await KitSampleHost.SuccessAsync(await host.Json.GetAsync($"{Notes}/{id}"));
        Assert.Equal("Tweede", read.GetProperty("fields").GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("{\"title\":\"\"}", "note.title", "De titel is verplicht.")]
    [InlineData("{\"title\":\"x\",\"topic\":\"a\\u0000b\"}", "note.topic", "stuurtekens")]
    public async Task Bad_input_is_400_with_the_field_named_in_Dutch_and_stores_nothing(string json, string field, string words)
    {
        var response = await host.Json.PostAsync(Notes, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var violation = Assert.Single(FieldViolations(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement));
        Assert.Equal(field, violation.Field);
        Assert.Contains(words, violation.Description);
        var list = await KitSampleHost.SuccessAsync(await host.Json.GetAsync($"{Notes}?pageSize=100"));
        Assert.DoesNotContain(list.GetProperty("notes").EnumerateArray(), n => n.GetProperty("fields").GetProperty("title").GetString() is "" or "x");
    }

    [Fact]
    public async Task A_bad_id_page_size_and_mask_are_refused_by_field_over_gRPC_and_an_unknown_note_is_404()
    {
        var client = new V1.NoteService.NoteServiceClient(host.Grpc);
        var badId = await Assert.ThrowsAsync<RpcException>(() => client.GetNoteAsync(new V1.GetNoteRequest { Id = "abc" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, badId.StatusCode);
        Assert.Contains("notitie-id", badId.Status.Detail);

        var badPage = await Assert.ThrowsAsync<RpcException>(() => client.ListNotesAsync(new V1.ListNotesRequest { PageSize = 1000 }).ResponseAsync);
        Assert.Contains("pageSize", badPage.Status.Detail);

        var id = (await CreateAsync("Masker", topic: "mask")).GetProperty("id").GetString()!;
        var badMask = await host.Json.PatchAsJsonAsync($"{Notes}/{id}?version=1&updateMask=colour", new { title = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, badMask.StatusCode);
        Assert.Contains("updateMask[0]", await badMask.Content.ReadAsStringAsync());

        var missing = await host.Json.GetAsync($"{Notes}/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("bestaat niet", await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_notes_paths_and_the_required_title()
    {
        var document = await KitSampleHost.SuccessAsync(await host.Json.GetAsync("/api/kitsample/v1/openapi.json"));

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty(Notes, out _), paths.ToString());
        Assert.True(paths.TryGetProperty(Notes + "/{id}", out _), paths.ToString());
        var fields = document.GetProperty("components").GetProperty("schemas").GetProperty("llo.kitsample.v1.NoteFields");
        Assert.Equal(["title"], fields.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task An_unknown_route_answers_with_the_one_error_shape_in_Dutch()
    {
        var response = await host.Json.GetAsync("/api/kitsample/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)StatusCode.NotFound, body.GetProperty("code").GetInt32());
        Assert.Contains("bestaat niet", body.GetProperty("message").GetString());
        Assert.False(body.TryGetProperty("title", out _), "ProblemDetails instead of google.rpc.Status");
    }

    private static IEnumerable<(string Field, string Description)> FieldViolations(JsonElement status) =>
        status.GetProperty("details").EnumerateArray()
            .SelectMany(d => d.GetProperty("fieldViolations").EnumerateArray())
            .Select(v => (v.GetProperty("field").GetString()!, v.GetProperty("description").GetString()!));
}
