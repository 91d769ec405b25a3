using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Llo.Contracts.Common.V1;
using Llo.Contracts.Inventory.V1;
using Llo.Inventory.Tests.Infrastructure;

namespace Llo.Inventory.Tests.BlindSpots;

/// <summary>One database for the class: the projects below are all there is, so counts are exact.</summary>
public sealed class BlindSpotServiceTests(InventoryHost host) : IClassFixture<InventoryHost>, IAsyncLifetime
{
    private const string Path = "/api/inventory/v1/blindSpots";

    public async Task InitializeAsync()
    {
        if (await ProjectRows.CountAsync(host.Database, "SELECT count(*) FROM projects") > 0)
        {
            return;
        }

        await ProjectRows.InsertAsync(host.Database, "Techniek op school", "Running", ["SchoolToWork"], ["Techniek"], "Technoplaza", ["Schiedam"]);
        await ProjectRows.InsertAsync(host.Database, "Food omscholing", "Pilot", ["WorkToWork", "SchoolToWork"], ["food", "Maritiem"], null, ["Vlaardingen"]);
        await ProjectRows.InsertAsync(host.Database, "Afgeronde zorgpilot", "Finished", ["HomeToWork"], ["Zorg en welzijn"], "ZIA", ["Maassluis"]);
        await ProjectRows.InsertAsync(host.Database, "Gestopt", "Stopped", ["HomeToWork"], ["Bouw"]);
        await ProjectRows.InsertAsync(host.Database, "Gearchiveerd", "Running", ["HomeToWork"], ["Kinderopvang"], archived: true);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static int Count(JsonElement matrix, string focusLine, string value)
    {
        var cell = matrix.GetProperty("cells").EnumerateArray()
            .Single(c => c.GetProperty("focusLine").GetString() == focusLine && c.GetProperty("value").GetString() == value);
        return cell.TryGetProperty("projectCount", out var count) ? count.GetInt32() : 0;
    }

    [Fact]
    public async Task The_sector_matrix_counts_active_projects_per_focus_line_and_lists_the_empty_cells()
    {
        var matrix = await (await host.Json.GetAsync(Path)).JsonAsync();

        Assert.Equal("sector", matrix.GetProperty("dimension").GetString());
        Assert.Equal(2, matrix.GetProperty("projectCount").GetInt32());
        var values = matrix.GetProperty("values").EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.Contains("Onderwijs", values);
        Assert.Contains("Maritiem", values);
        Assert.Single(values, v => string.Equals(v, "Food", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1, Count(matrix, "FOCUS_LINE_SCHOOL_TO_WORK", "Techniek"));
        Assert.Equal(1, Count(matrix, "FOCUS_LINE_WORK_TO_WORK", "Food"));
        Assert.Equal(1, Count(matrix, "FOCUS_LINE_SCHOOL_TO_WORK", "Food"));
        // Finished, stopped and archived projects cover nothing.
        Assert.Equal(0, Count(matrix, "FOCUS_LINE_HOME_TO_WORK", "Zorg en welzijn"));
        Assert.Equal(0, Count(matrix, "FOCUS_LINE_HOME_TO_WORK", "Bouw"));
        Assert.Equal(0, Count(matrix, "FOCUS_LINE_HOME_TO_WORK", "Kinderopvang"));

        var empty = matrix.GetProperty("emptyCells").EnumerateArray()
            .Select(c => (c.GetProperty("focusLine").GetString(), c.GetProperty("value").GetString())).ToList();
        Assert.Equal(3 * values.Count - 5, empty.Count);
        Assert.Contains(("FOCUS_LINE_HOME_TO_WORK", "Onderwijs"), empty);
        Assert.DoesNotContain(("FOCUS_LINE_SCHOOL_TO_WORK", "Techniek"), empty);
    }

    [Fact]
    public async Task Finished_projects_count_when_asked_for()
    {
        var matrix = await (await host.Json.GetAsync($"{Path}?includeFinished=true")).JsonAsync();

        Assert.Equal(3, matrix.GetProperty("projectCount").GetInt32());
        Assert.Equal(1, Count(matrix, "FOCUS_LINE_HOME_TO_WORK", "Zorg en welzijn"));
        Assert.Equal(0, Count(matrix, "FOCUS_LINE_HOME_TO_WORK", "Bouw"));
    }

    [Fact]
    public async Task The_campus_and_municipality_matrices_use_the_regions_reference_data()
    {
        var campus = await (await host.Json.GetAsync($"{Path}?dimension=campus")).JsonAsync();
        Assert.Contains("Leerwerkplaats Techniek", campus.GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(1, Count(campus, "FOCUS_LINE_SCHOOL_TO_WORK", "Technoplaza"));

        var client = new BlindSpotService.BlindSpotServiceClient(host.Grpc);
        var municipality = await client.GetBlindSpotsAsync(new GetBlindSpotsRequest { Dimension = "municipality" });
        Assert.Equal(["Schiedam", "Vlaardingen", "Maassluis"], municipality.Values);
        Assert.Equal(1, municipality.Cells.Single(c => c.FocusLine == FocusLine.WorkToWork && c.Value == "Vlaardingen").ProjectCount);
        Assert.Contains(municipality.EmptyCells, c => c.FocusLine == FocusLine.HomeToWork && c.Value == "Maassluis");
    }

    [Fact]
    public async Task Open_desk_questions_in_an_empty_cell_are_listed_as_unanswered()
    {
        var uncovered = await (await host.Json.PostAsJsonAsync("/api/inventory/v1/deskQuestions", new
        {
            topic = "Omscholing naar de kinderopvang",
            question = "Wie helpt werknemers omscholen naar de kinderopvang?",
            sector = "kinderopvang",
        })).JsonAsync();
        await (await host.Json.PostAsJsonAsync("/api/inventory/v1/deskQuestions", new
        {
            topic = "Food omscholing",
            question = "Is er omscholing naar food?",
            sector = "Food",
        })).JsonAsync();
        var answered = await (await host.Json.PostAsJsonAsync("/api/inventory/v1/deskQuestions", new
        {
            topic = "Bouw omscholing",
            question = "Omscholing naar de bouw?",
            sector = "Bouw",
        })).JsonAsync();
        var answeredPath = $"/api/inventory/v1/deskQuestions/{answered.GetProperty("id").GetString()}";
        await (await host.Json.PostAsJsonAsync($"{answeredPath}:assign", new { })).JsonAsync();
        await (await host.Json.PostAsJsonAsync($"{answeredPath}:answer", new { answer = "Ja, via het LWA Bouw." })).JsonAsync();

        var matrix = await (await host.Json.GetAsync(Path)).JsonAsync();

        var unanswered = matrix.GetProperty("cells").EnumerateArray()
            .SelectMany(c => c.TryGetProperty("unansweredQuestions", out var q)
                ? q.EnumerateArray().Select(x => (Cell: (c.GetProperty("focusLine").GetString(), c.GetProperty("value").GetString()), Id: x.GetProperty("id").GetString()))
                : [])
            .ToList();
        var only = Assert.Single(unanswered);
        Assert.Equal(("FOCUS_LINE_WORK_TO_WORK", "Kinderopvang"), only.Cell);
        Assert.Equal(uncovered.GetProperty("id").GetString(), only.Id);
        Assert.Contains(matrix.GetProperty("emptyCells").EnumerateArray(), c => c.TryGetProperty("unansweredQuestions", out _));
    }

    [Fact]
    public async Task An_unknown_dimension_is_refused()
    {
        var response = await host.Json.GetAsync($"{Path}?dimension=partner");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["dimension"], await ApiErrors.JsonFieldsAsync(response));
    }
}
