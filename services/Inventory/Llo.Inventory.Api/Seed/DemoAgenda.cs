using Llo.Inventory.Api.Agenda;

namespace Llo.Inventory.Api.Seed;

/// <summary>
/// The two meetings the jaarplan LLO 2022 dates, as open-agenda items linked to the plan's projects. Organisations
/// only. The plan gives no time or place, so the items say so instead of inventing one (the agenda needs a time:
/// a morning is a placeholder). The ids are fixed so seeding stays idempotent.
/// </summary>
public static class DemoAgenda
{
    private const string NoTimeOrPlace = "Het jaarplan noemt geen tijdstip of locatie; tijd en plaats hier zijn een plaatshouder.";
    private const string Place = "Waterwegregio (locatie niet vermeld in het jaarplan)";

    private static readonly Guid[] PlanProjects = DemoProjects.All.Select(p => p.Id).ToArray();

    public static readonly IReadOnlyList<(Guid Id, AgendaItemInput Item)> All =
    [
        (Guid.Parse("0a11d022-0000-4000-8001-000000000001"), Meeting(
            "Kopgroep Tafel LLO: begroting 2022",
            new DateOnly(2022, 1, 19),
            "Kopgroep Tafel LLO",
            "Begroting Tafel LLO 2022",
            "De Kopgroep van de Tafel LLO bespreekt de begroting 2022. De partners spreken de intentie uit het benodigde budget " +
            "samen op te brengen; in gesprekken met de directeur van de Riverboard wordt bezien of de begroting daarmee gedekt is. " +
            "Op basis van het opgehaalde bedrag wordt besloten wat er van de plannen gerealiseerd kan worden.")),

        (Guid.Parse("0a11d022-0000-4000-8001-000000000002"), Meeting(
            "Tafel LLO stelt het jaarplan 2022 vast",
            new DateOnly(2022, 3, 18),
            "Tafel LLO (Riverboard)",
            "Jaarplan LLO 2022",
            "De Tafel LLO stelt het jaarplan 2022 vast: de stap naar de uitvoerende fase, de zeven projecten voor 2022, " +
            "de organisatie en de begroting. De voorzitter van de Tafel LLO is de verbinding met de Riverboard, " +
            "die tweemaal per kwartaal vergadert.")),
    ];

    private static AgendaItemInput Meeting(string title, DateOnly date, string organiser, string topic, string description) =>
        new(title, date, new TimeOnly(9, 0), new TimeOnly(12, 0), Place, organiser, topic, $"{description}\n{NoTimeOrPlace}",
            PlanProjects, FocusLine: null, Municipality: null, Public: true);
}
