using System.Net.Http.Json;
using Llo.Inventory.Domain.BlindSpots;
using Llo.Inventory.Tests.Infrastructure;

namespace Llo.Inventory.Tests.BlindSpots;

/// <summary>The matrix is counted by the database, and a cell lists a bounded number of open questions, the oldest first.</summary>
public sealed class BlindSpotCapTests(InventoryHost host) : IClassFixture<InventoryHost>
{
    [Fact]
    public async Task A_cell_lists_at_most_the_cap_of_open_questions_the_oldest_first()
    {
        var ids = new List<string>();
        for (var i = 0; i < BlindSpotMatrix.MaxQuestionsPerCell + 5; i++)
        {
            var question = await (await host.Json.PostAsJsonAsync("/api/inventory/v1/deskQuestions", new
            {
                topic = $"Omscholing kinderopvang {i}",
                question = "Wie helpt werknemers omscholen naar de kinderopvang?",
                focusLine = "FOCUS_LINE_WORK_TO_WORK",
                sector = "kinderopvang",
            })).JsonAsync();
            ids.Add(question.GetProperty("id").GetString()!);
        }

        var matrix = await (await host.Json.GetAsync("/api/inventory/v1/blindSpots")).JsonAsync();

        var cell = matrix.GetProperty("cells").EnumerateArray()
            .Single(c => c.GetProperty("focusLine").GetString() == "FOCUS_LINE_WORK_TO_WORK" && c.GetProperty("value").GetString() == "Kinderopvang");
        var listed = cell.GetProperty("unansweredQuestions").EnumerateArray().Select(q => q.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Take(BlindSpotMatrix.MaxQuestionsPerCell), listed);
    }

    [Fact]
    public async Task Spellings_of_one_value_are_counted_in_one_cell_once_per_project()
    {
        await ProjectRows.InsertAsync(host.Database, "Haven A", "Running", ["WorkToWork", "WorkToWork"], ["Haven en maritiem", "haven en maritiem "]);
        await ProjectRows.InsertAsync(host.Database, "Haven B", "Pilot", ["WorkToWork"], ["HAVEN EN MARITIEM"]);

        var matrix = await (await host.Json.GetAsync("/api/inventory/v1/blindSpots")).JsonAsync();

        var values = matrix.GetProperty("values").EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.Single(values, v => string.Equals(v, "Haven en maritiem", StringComparison.OrdinalIgnoreCase));
        var cell = matrix.GetProperty("cells").EnumerateArray()
            .Single(c => c.GetProperty("focusLine").GetString() == "FOCUS_LINE_WORK_TO_WORK" && c.GetProperty("value").GetString() == "Haven en maritiem");
        Assert.Equal(2, cell.GetProperty("projectCount").GetInt32());
    }

    [Fact]
    public async Task Free_text_values_beyond_the_cap_are_left_out_of_the_columns_and_counted()
    {
        for (var i = 0; i < BlindSpotMatrix.MaxOtherValues + 10; i++)
        {
            await ProjectRows.InsertAsync(host.Database, $"Cap {i}", "Running", ["SchoolToWork"], [$"Vrije sector {i:000}"]);
        }

        var matrix = await (await host.Json.GetAsync("/api/inventory/v1/blindSpots")).JsonAsync();

        var values = matrix.GetProperty("values").EnumerateArray().Select(v => v.GetString()!).ToList();
        Assert.True(values.Count(v => v.StartsWith("Vrije sector", StringComparison.Ordinal)) <= BlindSpotMatrix.MaxOtherValues);
        Assert.True(matrix.GetProperty("omittedValueCount").GetInt32() >= 10);
        Assert.Equal(values.Count * 3, matrix.GetProperty("cells").GetArrayLength());
    }
}
