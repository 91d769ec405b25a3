using Llo.Inventory.Domain.Desk;
using Llo.Inventory.Domain.Projects;

namespace Llo.Inventory.Tests.Desk;

public sealed class DeskRoutingTests
{
    [Theory]
    [InlineData(FocusLine.SchoolToWork, "Projectleider School naar Werk")]
    [InlineData(FocusLine.WorkToWork, "Projectleider Werk naar Werk")]
    [InlineData(FocusLine.HomeToWork, "Stroomopwaarts (Huis naar Werk)")]
    public void A_question_with_a_focus_line_goes_to_that_focus_lines_owner(FocusLine focusLine, string owner)
    {
        var route = DeskRouting.Route(focusLine, "Vraag", "Over iets heel anders: bijstand en omscholing");

        Assert.Equal(focusLine, route.FocusLine);
        Assert.Equal(owner, route.RoutedTo);
    }

    [Theory]
    [InlineData("Stageplekken", "Waar vinden mbo-leerlingen een stage in de techniek?", FocusLine.SchoolToWork)]
    [InlineData("Omscholing", "Onze werknemers willen omscholen naar de zorg; wie helpt de werkgever?", FocusLine.WorkToWork)]
    [InlineData("Weer aan het werk", "Ik zit in de bijstand en wil als herintreder beginnen.", FocusLine.HomeToWork)]
    public void A_question_without_a_focus_line_is_routed_by_its_words(string topic, string question, FocusLine expected)
    {
        var route = DeskRouting.Route(null, topic, question);

        Assert.Equal(expected, route.FocusLine);
        Assert.Equal(DeskRouting.Owner(expected), route.RoutedTo);
        Assert.StartsWith("Trefwoorden", route.Reason);
    }

    [Fact]
    public void Huis_naar_Werk_questions_go_to_Stroomopwaarts()
    {
        Assert.Contains("Stroomopwaarts", DeskRouting.Route(null, "Uitkering", "Mag ik vrijwilligerswerk doen met een uitkering?").RoutedTo);
    }

    [Fact]
    public void A_question_that_points_nowhere_goes_to_the_programme_manager()
    {
        var route = DeskRouting.Route(null, "Subsidie", "Wanneer is de volgende vergadering van de Tafel?");

        Assert.Null(route.FocusLine);
        Assert.Equal(DeskRouting.ProgrammeManager, route.RoutedTo);
    }

    [Fact]
    public void A_question_that_points_to_two_focus_lines_equally_goes_to_the_programme_manager()
    {
        var route = DeskRouting.Route(null, "Stage of uitkering", "stage uitkering");

        Assert.Null(route.FocusLine);
        Assert.Equal(DeskRouting.ProgrammeManager, route.RoutedTo);
    }

    [Fact]
    public void Short_keywords_only_match_whole_words()
    {
        // "bolwerk" and "hrmpf" must not count as "bol" or "hr".
        var route = DeskRouting.Route(null, "Bolwerk", "hrmpf");

        Assert.Null(route.FocusLine);
    }
}
