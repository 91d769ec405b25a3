using Llo.Inventory.Domain.BlindSpots;
using Llo.Inventory.Domain.Projects;

namespace Llo.Inventory.Tests.BlindSpots;

public sealed class BlindSpotMatrixTests
{
    private static readonly DateTimeOffset Monday = new(2022, 3, 14, 9, 0, 0, TimeSpan.Zero);

    private static CoveringProject Project(FocusLine[] focusLines, params string[] values) => new(Guid.NewGuid(), focusLines, values);

    [Fact]
    public void Every_focus_line_meets_every_reference_value_and_projects_are_counted_in_each_cell_they_span()
    {
        var matrix = BlindSpotMatrix.Compute(BlindSpotDimension.Sector, ["Food", "Zorg", "Bouw"],
        [
            Project([FocusLine.SchoolToWork, FocusLine.WorkToWork], "Food", "Zorg"),
            Project([FocusLine.SchoolToWork], "food"),
        ], []);

        Assert.Equal(3 * 3, matrix.Cells.Count);
        Assert.Equal(["Food", "Zorg", "Bouw"], matrix.Values);
        int Count(FocusLine f, string v) => matrix.Cells.Single(c => c.FocusLine == f && c.Value == v).ProjectCount;
        Assert.Equal(2, Count(FocusLine.SchoolToWork, "Food"));
        Assert.Equal(1, Count(FocusLine.WorkToWork, "Food"));
        Assert.Equal(1, Count(FocusLine.SchoolToWork, "Zorg"));
        Assert.Equal(0, Count(FocusLine.HomeToWork, "Food"));
        Assert.Equal(2, matrix.ProjectCount);
    }

    [Fact]
    public void The_empty_cells_are_exactly_those_without_a_project()
    {
        var matrix = BlindSpotMatrix.Compute(BlindSpotDimension.Municipality, ["Schiedam", "Vlaardingen"],
            [Project([FocusLine.HomeToWork], "Schiedam")], []);

        var empty = matrix.EmptyCells.Select(c => (c.FocusLine, c.Value)).ToList();
        Assert.Equal(5, empty.Count);
        Assert.DoesNotContain((FocusLine.HomeToWork, "Schiedam"), empty);
        Assert.Contains((FocusLine.HomeToWork, "Vlaardingen"), empty);
    }

    [Fact]
    public void Values_found_only_in_projects_or_questions_join_the_axis_after_the_reference_values()
    {
        var question = new OpenDeskQuestion(Guid.NewGuid(), "Schoonmakers gezocht", FocusLine.WorkToWork, "Schoonmaak", Monday);
        var matrix = BlindSpotMatrix.Compute(BlindSpotDimension.Sector, ["Food"],
            [Project([FocusLine.SchoolToWork], "Maritiem", "FOOD")], [question]);

        Assert.Equal(["Food", "Maritiem", "Schoonmaak"], matrix.Values);
    }

    [Fact]
    public void An_open_question_is_unanswered_only_in_a_cell_no_project_covers()
    {
        var covered = new OpenDeskQuestion(Guid.NewGuid(), "Stages in de zorg", FocusLine.SchoolToWork, "zorg", Monday);
        var uncovered = new OpenDeskQuestion(Guid.NewGuid(), "Omscholing naar de kinderopvang", FocusLine.WorkToWork, "Kinderopvang", Monday);
        var unplaced = new OpenDeskQuestion(Guid.NewGuid(), "Algemene vraag", null, "Kinderopvang", Monday);

        var matrix = BlindSpotMatrix.Compute(BlindSpotDimension.Sector, ["Zorg", "Kinderopvang"],
            [Project([FocusLine.SchoolToWork], "Zorg")], [covered, uncovered, unplaced]);

        var all = matrix.Cells.SelectMany(c => c.UnansweredQuestions).ToList();
        Assert.Equal([uncovered.Id], all.Select(q => q.Id));
        var cell = matrix.Cells.Single(c => c.UnansweredQuestions.Count > 0);
        Assert.Equal((FocusLine.WorkToWork, "Kinderopvang"), (cell.FocusLine, cell.Value));
    }

    [Fact]
    public void Beyond_the_cap_the_least_used_other_values_are_left_out_and_counted()
    {
        // 60 free-text sectors: "Sector 00".."Sector 59", where a higher number has more projects.
        var projects = Enumerable.Range(0, 60)
            .SelectMany(i => Enumerable.Range(0, i + 1).Select(_ => Project([FocusLine.WorkToWork], $"Sector {i:00}")))
            .ToList();
        var question = new OpenDeskQuestion(Guid.NewGuid(), "Vraag", FocusLine.HomeToWork, "sector 05", Monday);

        var matrix = BlindSpotMatrix.Compute(BlindSpotDimension.Sector, ["Zorg"], projects, [question]);

        var others = matrix.Values.Skip(1).ToList();
        Assert.Equal(BlindSpotMatrix.MaxOtherValues, others.Count);
        Assert.Equal(60 - BlindSpotMatrix.MaxOtherValues, matrix.OmittedValueCount);
        Assert.Equal(others.Order(StringComparer.OrdinalIgnoreCase), others);
        Assert.Equal("Sector 20", others[0]);
        Assert.DoesNotContain("Sector 05", others);
        Assert.Equal((1 + BlindSpotMatrix.MaxOtherValues) * 3, matrix.Cells.Count);
        Assert.Empty(matrix.Cells.SelectMany(c => c.UnansweredQuestions));
        Assert.Equal(60, matrix.Cells.Single(c => c.FocusLine == FocusLine.WorkToWork && c.Value == "Sector 59").ProjectCount);
    }

    [Fact]
    public void Up_to_the_cap_every_other_value_is_a_column_and_nothing_is_omitted()
    {
        var matrix = BlindSpotMatrix.Compute(BlindSpotDimension.Sector, ["Zorg"],
            [Project([FocusLine.WorkToWork], "Haven"), Project([FocusLine.WorkToWork], "bouw")], []);

        Assert.Equal(["Zorg", "bouw", "Haven"], matrix.Values);
        Assert.Equal(0, matrix.OmittedValueCount);
    }

    [Fact]
    public void The_reference_axes_come_from_the_region()
    {
        Assert.Contains("Food", BlindSpotAxis.ReferenceValues(BlindSpotDimension.Sector));
        Assert.Contains("Onderwijs", BlindSpotAxis.ReferenceValues(BlindSpotDimension.Sector));
        Assert.Contains("Kinderopvang", BlindSpotAxis.ReferenceValues(BlindSpotDimension.Sector));
        Assert.Equal(["Schiedam", "Vlaardingen", "Maassluis"], BlindSpotAxis.ReferenceValues(BlindSpotDimension.Municipality));
        Assert.Contains("Technoplaza", BlindSpotAxis.ReferenceValues(BlindSpotDimension.Campus));
        Assert.Equal(BlindSpotDimension.Sector, BlindSpotAxis.Parse(""));
        Assert.Equal(BlindSpotDimension.Campus, BlindSpotAxis.Parse("Campus"));
        Assert.Null(BlindSpotAxis.Parse("partner"));
    }
}
