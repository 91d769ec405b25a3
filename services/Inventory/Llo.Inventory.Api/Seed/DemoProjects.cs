using Llo.Inventory.Domain.Projects;
using static Llo.Inventory.Domain.Projects.PartnerRole;

namespace Llo.Inventory.Api.Seed;

/// <summary>
/// The seven projects of the jaarplan LLO 2022 ("Projecten 2022"), summarised in our own words. Organisations only:
/// the plan names people, the inventory never seeds them. The ids are fixed so seeding stays idempotent.
/// </summary>
public static class DemoProjects
{
    private static readonly string[] Waterweg = ["Schiedam", "Vlaardingen", "Maassluis"];

    private static readonly ProjectPartner[] Gemeenten =
    [
        new("Gemeente Schiedam", Partner), new("Gemeente Vlaardingen", Partner), new("Gemeente Maassluis", Partner),
    ];

    private static readonly ProjectContact ProgrammeManager = new("Riverboard", "Programmamanager LLO", false, null, null, null);

    public static readonly IReadOnlyList<(Guid Id, ProjectData Data)> All =
    [
        (Guid.Parse("0a11d022-0000-4000-8000-000000000001"), Project(
            "Leerwerkakkoord Waterwegregio",
            "Een Waterweg-invulling van het Rijnmonds Leerwerkakkoord: koepelafspraken tussen ondernemers, onderwijs en overheid, met per kansrijke sector een sectorplan.",
            "Het leerwerkakkoord (LWA) legt vast wie in de Waterwegregio waarvoor aan de lat staat om leven lang ontwikkelen sluitend te organiseren. " +
            "We haken aan bij het Rijnmonds LWA en kleuren het in naar de behoefte van de sectoren met de grootste personeelstekorten. " +
            "Stroomopwaarts, onderwijs en ondernemers werken samen met de arbeidsmarktregio; het opleidingsaanbod wordt doorlopend afgestemd op wat lokale ondernemers nodig hebben. " +
            "Per sector volgt een sectorplan met afspraken over wie wat doet, bijvoorbeeld hoe de sector Food aansluit op 'Gaan voor een baan'.",
            [FocusLine.SchoolToWork, FocusLine.WorkToWork, FocusLine.HomeToWork], [Theme.Collaboration],
            ["Food", "Techniek", "Zorg en welzijn", "Onderwijs"], ["werkenden", "werkzoekenden", "jongeren"], null,
            [new("Riverboard", Lead), new("Stroomopwaarts", Partner), new("Rijnmonds LWA", Partner), .. Gemeenten, new("BZK", Funder)],
            ProjectStatus.Running, new(2022, 1, 1), new(2024, 12, 31))),

        (Guid.Parse("0a11d022-0000-4000-8000-000000000002"), Project(
            "LLO-netwerk van HR-managers",
            "Doorstart van een netwerk van HR-managers van regionale ondernemers, zodat ondernemers op projectniveau meedoen en personeel kunnen delen of uitwisselen.",
            "Ondernemers noemen leven lang ontwikkelen steeds weer als verbindend thema. Een netwerk van HR-managers maakt dat concreet: " +
            "kennis delen over opleiden en behouden van personeel, en medewerkers tijdelijk uitlenen of laten overstappen tussen bedrijven. " +
            "Het netwerk wordt opnieuw opgestart door de programmamanager LLO, samen met de ondernemers zelf.",
            [FocusLine.WorkToWork], [Theme.Collaboration],
            ["Techniek", "Logistiek", "Haven en maritiem"], ["HR-managers", "werkenden"], null,
            [new("Riverboard", Lead), new("Rijnmonds LWA", Funder), new("BZK", Funder)],
            ProjectStatus.Running, new(2022, 4, 1), null)),

        (Guid.Parse("0a11d022-0000-4000-8000-000000000003"), Project(
            "Pilot KI-matching voor sociale circulariteit",
            "Landelijke pilot met een platform op basis van kunstmatige intelligentie dat een digital twin van werknemers en werkgevers maakt en mensen matcht op banen en taken, aanvullend op Hallo werk van Stroomopwaarts.",
            "Ondernemers uit de werkgroep Van werk naar werk noemen het 'sociale circulariteit': mensen doorlopen met hun talenten verschillende stadia in hun loopbaan. " +
            "Het platform beschrijft vaardigheden, talenten en transferable skills van medewerkers en wat werkgevers nodig hebben, " +
            "en matcht op banen, op losse taken (job carving) en op de regio. Een coach helpt de medewerker om zelf regie te nemen over de volgende stap. " +
            "De pilot werkt aanvullend op Hallo werk, het platform van Stroomopwaarts; voor de projectleiding Werk naar Werk wordt steun gevraagd aan EZK en IQ.",
            [FocusLine.WorkToWork], [Theme.Collaboration, Theme.KnowledgeSharing],
            ["ICT", "Techniek", "Zorg en welzijn"], ["werkenden", "werkzoekenden", "herintreders"], null,
            [new("Riverboard", Lead), new("Stroomopwaarts", Partner), new("EZK", Funder), new("IQ", Funder)],
            ProjectStatus.Pilot, new(2022, 6, 1), new(2023, 12, 31))),

        (Guid.Parse("0a11d022-0000-4000-8000-000000000004"), Project(
            "Ondersteuning campussen",
            "Steun voor de bestaande campussen (FIA, BIA, MICS, Technoplaza, Zorg en Welzijn plaza) en de nieuwe (ZIA, Horeca & Food Plaza, Leerwerkplaats Techniek) voor doorlopende leerlijnen van po tot hbo.",
            "Campussen verbinden onderwijs en bedrijfsleven rond beroepsoriëntatie en professionele vaardigheden, van basisonderwijs via vmbo en mbo naar hbo. " +
            "De projectleider School naar Werk ondersteunt bestaande en nieuwe campussen en maakt partijen enthousiast om meer leerlingen en bedrijven te betrekken.",
            [FocusLine.SchoolToWork], [Theme.ContinuousLearningLines],
            ["Food", "Techniek", "Zorg en welzijn", "Horeca"], ["leerlingen", "studenten", "docenten"], "Leerwerkplaats Techniek",
            [new("Riverboard", Lead), .. Gemeenten],
            ProjectStatus.Running, new(2022, 1, 1), new(2026, 12, 31))),

        (Guid.Parse("0a11d022-0000-4000-8000-000000000005"), Project(
            "Gaan voor een baan Waterwegregio",
            "Het traject 'Gaan voor een baan' van Rotterdam Zuid krijgt een Waterweg-versie: een routekaart waarin elk kind, met de ouders, meermaals kennismaakt met banen in de regio.",
            "Vanaf de basisschool tot en met mbo en hbo komen kinderen en jongeren verschillende keren in aanraking met het werk in de regio " +
            "en voeren ze daar gesprekken over met loopbaanbegeleiders. Loopbaancompetenties zoals capaciteitenreflectie, motievenreflectie, " +
            "werkexploratie, loopbaansturing en netwerken krijgen een plek, en ouderbetrokkenheid staat centraal. " +
            "Een digitaal plan houdt de voortgang van de jongeren bij. De gemeenten wordt gevraagd bij te dragen aan een projectleider School naar Werk.",
            [FocusLine.SchoolToWork], [Theme.ContinuousLearningLines],
            ["Onderwijs", "Food", "Techniek"], ["leerlingen", "ouders", "loopbaanbegeleiders"], null,
            [new("Gemeente Schiedam", Funder), new("Gemeente Vlaardingen", Funder), new("Gemeente Maassluis", Funder), new("Riverboard", Lead)],
            ProjectStatus.Pilot, new(2022, 9, 1), null)),

        (Guid.Parse("0a11d022-0000-4000-8000-000000000006"), Project(
            "Boven-regionale samenwerking LLO",
            "De samenwerking met het Rijnmonds LWA, de MRDH, de SER, de provincie Zuid-Holland en EBZ versterken door bekendheid, netwerken en elkaar beter begrijpen.",
            "Om steviger samen te werken met de boven-regionale partners is meer bekendheid nodig en investeren in netwerken. " +
            "De Tafel LLO is lid van de landelijke kring van Tafels LLO van de SER, waar kennis en ervaring worden uitgewisseld. " +
            "De voorzitter van de Tafel LLO, de directeur van de Riverboard en de programmamanager LLO nemen dit op zich.",
            [], [Theme.Collaboration, Theme.Organisation],
            [], ["bestuurders", "beleidsmakers"], null,
            [new("Riverboard", Lead), new("Rijnmonds LWA", Partner), new("MRDH", Partner), new("SER", Partner), new("Provincie Zuid-Holland", Partner), new("EBZ", Partner)],
            ProjectStatus.Running, new(2022, 1, 1), new(2022, 12, 31))),

        (Guid.Parse("0a11d022-0000-4000-8000-000000000007"), Project(
            "Online inventarisatie van projecten en LLO-desk",
            "De online inventarisatie van nieuwe en lopende projecten prominenter en laagdrempeliger maken, met een LLO-desk eraan gekoppeld, zodat partners doublures en omissies zien.",
            "Partners willen hun agenda's en projecten met elkaar delen en leren van wat in Zuid-Holland al bewezen werkt. " +
            "Een gedeeld overzicht voorkomt dubbel werk en concurrerende initiatieven, laat zien wat nog niemand oppakt en versnelt nieuwe initiatieven: delen is het nieuwe versnellen. " +
            "Een LLO-desk beantwoordt vragen en verwijst door naar de juiste focuslijn of partner.",
            [], [Theme.KnowledgeSharing],
            [], ["partners", "ondernemers", "inwoners"], null,
            [new("Riverboard", Lead)],
            ProjectStatus.Running, new(2022, 3, 18), null)),
    ];

    private static ProjectData Project(
        string title, string summary, string description, FocusLine[] focusLines, Theme[] themes, string[] sectors,
        string[] targetGroups, string? campus, ProjectPartner[] partners, ProjectStatus status, DateOnly start, DateOnly? end) =>
        new(title, summary, description, focusLines, themes, sectors, targetGroups, campus, Waterweg, partners, status,
            start, end, BudgetEstimate: null, ProgrammeManager, Results: "", LessonsLearned: "", Links: []);
}
