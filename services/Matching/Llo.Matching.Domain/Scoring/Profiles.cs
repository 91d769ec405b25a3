namespace Llo.Matching.Domain.Scoring;

/// <summary>How sure we are that a worker has a skill: said so, confirmed by a coach, or shown by a certificate.</summary>
public enum SkillEvidence
{
    Claimed,
    Confirmed,
    Certified,
}

/// <summary>Physical or mental load of work, and how much a person can carry: light to very heavy.</summary>
public enum LoadLevel
{
    Light = 0,
    Moderate = 1,
    Heavy = 2,
    VeryHeavy = 3,
}

/// <summary>A skill of a worker's twin: dense skill id, level 1 (beginner) to 5 (expert), evidence.</summary>
public readonly record struct WorkerSkill(int SkillId, int Level, SkillEvidence Evidence);

/// <summary>What the worker wants. Sector codes as in <see cref="Sectors"/>; no preference is an empty set or null.</summary>
public sealed record WorkerPreferences(IReadOnlySet<string> Sectors, int MinHours, int MaxHours, string? Municipality);

/// <summary>What the worker can do: hours per week and the heaviest physical and mental load.</summary>
public sealed record WorkCapacity(int HoursPerWeek, LoadLevel PhysicalLoad, LoadLevel MentalLoad);

/// <summary>
/// The part of a worker's twin that matching reads. Deliberately without age, gender, origin or postcode: what is
/// not in the model cannot become a signal.
/// </summary>
public sealed record WorkerProfile(int Id, WorkerSkill[] Skills, WorkerPreferences Preferences, WorkCapacity Capacity);

/// <summary>A job of an employer's twin: its ESCO occupation, essential and optional skills (dense ids), hours and load.</summary>
public sealed record JobProfile(
    int Id,
    int EmployerId,
    int OccupationId,
    int[] EssentialSkills,
    int[] OptionalSkills,
    int Hours,
    LoadLevel PhysicalLoad,
    LoadLevel MentalLoad,
    string Sector,
    string Municipality);

/// <summary>One task of a job broken into tasks (job carving): its skills, hours per week and load.</summary>
public sealed record TaskProfile(
    int Id,
    int EmployerId,
    int JobId,
    int[] Skills,
    int Hours,
    LoadLevel PhysicalLoad,
    LoadLevel MentalLoad,
    string Sector,
    string Municipality);

/// <summary>The plan's sectors, as codes with their Dutch names.</summary>
public static class Sectors
{
    public static readonly IReadOnlyDictionary<string, string> DutchNames = new Dictionary<string, string>
    {
        ["food"] = "Voeding",
        ["technology"] = "Techniek",
        ["care-welfare"] = "Zorg en welzijn",
        ["education"] = "Onderwijs",
        ["childcare"] = "Kinderopvang",
        ["hospitality"] = "Horeca",
        ["port"] = "Haven en logistiek",
    };

    public static readonly string[] Codes = [.. DutchNames.Keys];
}
