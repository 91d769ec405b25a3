using Llo.Contracts.Demo;
using Llo.Contracts.Matching.V1;
using Llo.Matching.Domain.Taxonomy;

namespace Llo.Matching.Api.Seed;

/// <summary>
/// A clearly synthetic region for a fresh start: one employer per sector of the plan (food, technology, care and
/// welfare, education, childcare, hospitality, port) with jobs broken into tasks, a few training offers and workers
/// in every phase. Every name says "(demo)"; the ids are fixed so seeding twice changes nothing. Jobs and skills come
/// from the built-in demo taxonomy, whose ESCO URIs hold in the full ESCO too.
/// </summary>
public static class DemoTwins
{
    /// <summary>The port employer belongs to the second demo organisation, so its HR manager can change it.</summary>
    public static readonly Guid PortOrganisation = Guid.Parse("22222222-2222-4222-8222-222222222222");

    public sealed record DemoEmployer(Guid Id, Guid? Owner, EmployerFields Fields, IReadOnlyList<(Guid Id, JobFields Fields)> Jobs);

    public sealed record DemoData(IReadOnlyList<DemoEmployer> Employers, IReadOnlyList<(Guid Id, TrainingFields Fields)> Trainings, IReadOnlyList<(Guid Id, WorkerFields Fields)> Workers);

    private static readonly (string Sector, string Name, string[] Locations, (string Occupation, int Hours, LoadLevel Physical)[] Jobs)[] Employers =
    [
        ("food", "Bakkerij Zoet & Zout (demo)", ["Schiedam"], [("bakker", 32, LoadLevel.Heavy), ("medewerker voedselproductie", 24, LoadLevel.Moderate)]),
        ("technology", "Techniekwerf Vlaardingen (demo)", ["Vlaardingen", "Schiedam"], [("lasser", 36, LoadLevel.Heavy), ("monteur elektrische installaties", 36, LoadLevel.Moderate), ("software ontwikkelaar", 32, LoadLevel.Light)]),
        ("care-welfare", "Zorggroep Waterweg (demo)", ["Vlaardingen", "Maassluis"], [("zorghulp", 24, LoadLevel.Moderate), ("thuiszorgmedewerker", 20, LoadLevel.Moderate), ("sociaal werker", 32, LoadLevel.Light)]),
        ("education", "Scholengroep De Waterweg (demo)", ["Maassluis", "Schiedam"], [("leraar basisonderwijs", 28, LoadLevel.Light), ("vakdocent beroepsonderwijs", 24, LoadLevel.Light)]),
        ("childcare", "Kinderopvang Het Anker (demo)", ["Schiedam"], [("medewerker kinderdagverblijf", 24, LoadLevel.Moderate), ("kinderverzorgster", 20, LoadLevel.Moderate)]),
        ("hospitality", "Restaurant De Kade (demo)", ["Vlaardingen"], [("kok", 32, LoadLevel.Moderate), ("ober/serveerster", 20, LoadLevel.Moderate), ("medewerker keuken", 16, LoadLevel.Heavy)]),
        ("port", "Havenbedrijf Maasmond (demo)", ["Maassluis", "Vlaardingen"], [("heftruckchauffeur", 36, LoadLevel.Moderate), ("magazijnmedewerker", 32, LoadLevel.Heavy), ("stuwadoor", 36, LoadLevel.VeryHeavy), ("havenmeester", 36, LoadLevel.Light)]),
    ];

    // Each worker: phase, the occupation their skills come from, every n-th of its skills, another occupation they
    // picked something up from, hours they can work, physical capacity, preferred municipality and sector.
    private static readonly (WorkPhase Phase, string From, int Every, string Also, int Hours, LoadLevel Physical, string Municipality, string Sector)[] Workers =
    [
        (WorkPhase.WorkToWork, "medewerker voedselproductie", 1, "magazijnmedewerker", 32, LoadLevel.Heavy, "Schiedam", "food"),
        (WorkPhase.WorkToWork, "heftruckchauffeur", 1, "stuwadoor", 36, LoadLevel.Heavy, "Maassluis", "port"),
        (WorkPhase.HomeToWork, "thuiszorgmedewerker", 2, "medewerker kinderdagverblijf", 20, LoadLevel.Moderate, "Vlaardingen", "care-welfare"),
        (WorkPhase.SchoolToWork, "kok", 2, "medewerker keuken", 24, LoadLevel.Moderate, "Vlaardingen", "hospitality"),
        (WorkPhase.Returner, "leraar basisonderwijs", 2, "kinderverzorgster", 24, LoadLevel.Light, "Maassluis", "education"),
        (WorkPhase.WorkToWork, "lasser", 1, "monteur elektrische installaties", 36, LoadLevel.Heavy, "Vlaardingen", "technology"),
        (WorkPhase.SchoolToWork, "software ontwikkelaar", 2, "vakdocent beroepsonderwijs", 32, LoadLevel.Light, "Schiedam", "technology"),
        (WorkPhase.HomeToWork, "medewerker keuken", 1, "ober/serveerster", 16, LoadLevel.Moderate, "Schiedam", "hospitality"),
        (WorkPhase.Returner, "zorghulp", 2, "sociaal werker", 20, LoadLevel.Moderate, "Maassluis", "care-welfare"),
        (WorkPhase.WorkToWork, "magazijnmedewerker", 2, "bakker", 28, LoadLevel.Moderate, "Schiedam", ""),
    ];

    private static readonly (string Provider, string Title, string Occupation, string Level, int Hours, string Place, long Cents)[] Trainings =
    [
        ("Leerwerkplaats Techniek (demo)", "Basis lassen en monteren", "lasser", "cursus", 120, "Vlaardingen", 0),
        ("Horeca & Food Plaza (demo)", "Koken in de praktijk", "kok", "MBO 2", 400, "Schiedam", 0),
        ("Zorg en Welzijn plaza (demo)", "Helpende zorg en welzijn", "zorghulp", "MBO 2", 600, "Vlaardingen", 0),
        ("Leerwerkbedrijf Stroomopwaarts (demo)", "Heftruckcertificaat en magazijnwerk", "heftruckchauffeur", "certificaat", 24, "Maassluis", 0),
        ("Technoplaza (demo)", "Elektrotechniek voor zij-instromers", "monteur elektrische installaties", "MBO 3", 320, "Schiedam", 45000),
        ("Kinderopvangacademie Waterweg (demo)", "Pedagogisch medewerker kinderopvang", "medewerker kinderdagverblijf", "MBO 3", 480, "Maassluis", 0),
    ];

    public static DemoData Build(SkillTaxonomy demo)
    {
        Occupation O(string label) => demo.FindOccupationsByDutchName(label).First();
        string S(int id) => demo.Skills[id].Uri;

        var employers = new List<DemoEmployer>();
        for (var e = 0; e < Employers.Length; e++)
        {
            var (sector, name, locations, jobs) = Employers[e];
            var fields = new EmployerFields { Name = name, Sector = sector, Locations = { locations } };
            var jobList = new List<(Guid, JobFields)>();
            for (var j = 0; j < jobs.Length; j++)
            {
                var (label, hours, physical) = jobs[j];
                var occupation = O(label);
                var job = new JobFields
                {
                    Title = $"{occupation.Label} (demo)",
                    OccupationUri = occupation.Uri,
                    EssentialSkillUris = { occupation.EssentialSkills.Select(S) },
                    OptionalSkillUris = { occupation.OptionalSkills.Select(S) },
                    HoursPerWeek = hours,
                    PhysicalLoad = physical,
                    MentalLoad = LoadLevel.Moderate,
                    Municipality = locations[j % locations.Length],
                    Open = true,
                };
                // Carved into tasks of three skills each, the hours shared out (job carving needs tasks to pick from).
                var chunks = occupation.EssentialSkills.Chunk(3).Take(4).ToList();
                for (var t = 0; t < chunks.Count; t++)
                {
                    job.Tasks.Add(new JobTask
                    {
                        Title = $"Taak {t + 1}: {demo.Skills[chunks[t][0]].Label}",
                        SkillUris = { chunks[t].Select(S) },
                        HoursPerWeek = Math.Max(4, hours / chunks.Count),
                        PhysicalLoad = t == 0 ? physical : LoadLevel.Light,
                        MentalLoad = LoadLevel.Moderate,
                    });
                }

                jobList.Add((Id(0xE000 + e * 16 + j), job));
            }

            employers.Add(new DemoEmployer(Id(0xE000 + e * 16 + 15), sector == "port" ? PortOrganisation : null, fields, jobList));
        }

        var trainings = Trainings.Select((t, i) => (Id(0xA000 + i), new TrainingFields
        {
            Provider = t.Provider, Title = t.Title, SkillUris = { O(t.Occupation).EssentialSkills.Take(6).Select(S) }, Level = t.Level,
            DurationHours = t.Hours, Place = t.Place, CostCents = t.Cents,
        })).ToList();

        var workers = Workers.Select((w, i) =>
        {
            var from = O(w.From);
            var fields = new WorkerFields
            {
                DisplayName = $"Demo-werkende {i + 1}",
                Phase = w.Phase,
                OccupationUris = { from.Uri },
                Talents = { "Synthetisch demoprofiel" },
                CareerCompetencies = new CareerCompetencies { CapacityReflection = 3, MotiveReflection = 2 + i % 3, WorkExploration = 3, CareerControl = 2, Networking = 1 + i % 4 },
                Preferences = new WorkerPreferences { MinHours = 0, MaxHours = w.Hours, MaxTravelMinutes = 30, Municipality = w.Municipality },
                Capacity = new WorkCapacity { HoursPerWeek = w.Hours, PhysicalLoad = w.Physical, MentalLoad = LoadLevel.Moderate },
                // The demo coaches of identity's demo seed: most workers with the municipality's coach, the last three with
                // the other organisation's; the first twin is the demo worker's own. Every other twin may be shown to employers.
                CoachUserId = DemoUsers.Coach(i < Workers.Length - 3 ? 1 : 2).ToString(),
                UserId = i == 0 ? DemoUsers.Worker(1).ToString() : "",
                Consent = new WorkerConsent { ShareWithEmployers = i % 2 == 0 },
            };
            if (w.Sector.Length > 0)
            {
                fields.Preferences.Sectors.Add(w.Sector);
            }

            var evidence = new[] { SkillEvidence.Claimed, SkillEvidence.Confirmed, SkillEvidence.Certified };
            foreach (var (skill, k) in from.EssentialSkills.Where((_, k) => k % w.Every == 0).Select((s, k) => (s, k)))
            {
                fields.Skills.Add(new WorkerSkill { Uri = S(skill), Level = 2 + k % 3, Evidence = evidence[k % 3] });
            }

            foreach (var skill in O(w.Also).EssentialSkills.Take(2).Where(s => fields.Skills.All(x => x.Uri != S(s))))
            {
                fields.Skills.Add(new WorkerSkill { Uri = S(skill), Level = 2, Evidence = SkillEvidence.Claimed });
            }

            return (Id(0xB000 + i), fields);
        }).ToList();

        return new DemoData(employers, trainings, workers);
    }

    /// <summary>Fixed, recognisable ids: 00000000-0000-4000-8000-00000000XXXX.</summary>
    private static Guid Id(int n) => Guid.Parse($"00000000-0000-4000-8000-{n:x12}");
}
