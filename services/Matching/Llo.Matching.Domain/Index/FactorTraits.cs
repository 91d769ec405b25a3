using Llo.Matching.Domain.Scoring;

namespace Llo.Matching.Domain.Index;

/// <summary>What the factors other than skills read from a worker, as plain numbers (sector and municipality as ids).</summary>
internal readonly record struct WorkerTraits(int Hours, int MinHours, int MaxHours, LoadLevel Physical, LoadLevel Mental, bool AnySector, ulong Sectors, int Municipality);

/// <summary>What the factors other than skills read from a job, as plain numbers.</summary>
internal readonly record struct JobTraits(int Hours, LoadLevel Physical, LoadLevel Mental, int Sector, int Municipality);

/// <summary>
/// The score of <see cref="MatchFactors.Compute"/> followed by <see cref="ScoringWeights.Score"/>, with the same
/// arithmetic in the same order (so the same double, bit for bit), but reading ids and numbers instead of a set of
/// strings and a case-insensitive comparison: the index scores tens of thousands of pairs per query.
/// Sectors and municipalities become ids through tables each index keeps; a worker's wanted sectors are a bit mask,
/// so past 64 distinct sectors <see cref="Fits"/> is false and the index takes the string path.
/// </summary>
internal sealed class FactorTraits
{
    public const int NoMunicipality = -1;
    public const int UnknownMunicipality = -2;
    private const int MaskBits = 64;

    private readonly Dictionary<string, int> sectors;
    private readonly Dictionary<string, int> municipalities;

    public FactorTraits()
    {
        sectors = new Dictionary<string, int>(StringComparer.Ordinal);
        municipalities = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
    }

    private FactorTraits(FactorTraits from)
    {
        sectors = new Dictionary<string, int>(from.sectors, StringComparer.Ordinal);
        municipalities = new Dictionary<string, int>(from.municipalities, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>False once the sectors outgrow the bit mask; the index then scores with <see cref="MatchFactors"/>.</summary>
    public bool Fits => sectors.Count <= MaskBits;

    public FactorTraits Fork() => new(this);

    /// <summary>The traits of a worker in the index: its sectors and municipality join the tables.</summary>
    public WorkerTraits Add(WorkerProfile worker)
    {
        foreach (var sector in worker.Preferences.Sectors)
        {
            Intern(sectors, sector);
        }

        if (worker.Preferences.Municipality is { } place)
        {
            Intern(municipalities, place);
        }

        return Of(worker);
    }

    public JobTraits Add(JobProfile job)
    {
        Intern(sectors, job.Sector);
        Intern(municipalities, job.Municipality);
        return Of(job);
    }

    /// <summary>
    /// The traits of a worker by the tables as they are (a query's worker need not be in the index): a sector or
    /// municipality the tables lack belongs to no job in the index, so it can never match one.
    /// </summary>
    public WorkerTraits Of(WorkerProfile worker)
    {
        var p = worker.Preferences;
        var c = worker.Capacity;
        ulong mask = 0;
        foreach (var sector in p.Sectors)
        {
            if (sectors.TryGetValue(sector, out var id) && id < MaskBits)
            {
                mask |= 1UL << id;
            }
        }

        var place = p.Municipality is null ? NoMunicipality : municipalities.GetValueOrDefault(p.Municipality, UnknownMunicipality);
        return new WorkerTraits(c.HoursPerWeek, p.MinHours, p.MaxHours, c.PhysicalLoad, c.MentalLoad, p.Sectors.Count > 0, mask, place);
    }

    /// <summary>The traits of a job by the tables as they are: an unknown sector or municipality is wanted by no worker in the index.</summary>
    public JobTraits Of(JobProfile job) =>
        new(job.Hours, job.PhysicalLoad, job.MentalLoad, sectors.GetValueOrDefault(job.Sector, MaskBits), municipalities.GetValueOrDefault(job.Municipality, UnknownMunicipality));

    public static double Score(double[] w, float essential, int essentialCount, float optional, int optionalCount, float strength, int direct,
        in WorkerTraits worker, in JobTraits job)
    {
        var score = SkillPart(w, essential, essentialCount, optional, optionalCount, strength, direct);
        score += w[3] * HoursFit(worker, job.Hours);
        score += w[4] * LoadFit(worker.Physical, job.Physical);
        score += w[5] * LoadFit(worker.Mental, job.Mental);
        score += w[6] * (!worker.AnySector ? 0.5 : job.Sector < MaskBits && (worker.Sectors & (1UL << job.Sector)) != 0 ? 1 : 0);
        score += w[7] * (worker.Municipality == NoMunicipality ? 0.5 : worker.Municipality == job.Municipality ? 1 : 0.3);
        return score;
    }

    /// <summary>
    /// The first three terms of <see cref="Score"/> (the factors a query's sums give): what the index knows of an item
    /// before it reads the item's traits, so it can skip an item whose best case cannot enter the top list.
    /// </summary>
    public static double SkillPart(double[] w, float essential, int essentialCount, float optional, int optionalCount, float strength, int direct)
    {
        // The same expressions and types as MatchFactors.Compute (float divisions widened to double), added in the
        // order ScoringWeights.Score adds them, so Score gives the same double, bit for bit.
        double essentialFactor = essentialCount == 0 ? 1 : essential / essentialCount;
        double optionalFactor = optionalCount == 0 ? 1 : optional / optionalCount;
        double strengthFactor = direct == 0 ? 0 : strength / direct;
        var score = 0.0;
        score += w[0] * essentialFactor;
        score += w[1] * optionalFactor;
        score += w[2] * strengthFactor;
        return score;
    }

    /// <summary>As <see cref="MatchFactors.HoursFit"/>.</summary>
    private static double HoursFit(in WorkerTraits worker, int hours)
    {
        var capacity = worker.Hours;
        var fit = hours <= capacity ? 1.0 : capacity <= 0 ? 0.0 : (double)capacity / hours;
        if (hours < worker.MinHours || (worker.MaxHours > 0 && hours > worker.MaxHours))
        {
            fit *= 0.8;
        }

        return fit;
    }

    private static readonly double[] Halvings = [1.0, Math.Pow(0.5, 1), Math.Pow(0.5, 2), Math.Pow(0.5, 3)];

    /// <summary>As <see cref="MatchFactors.LoadFit"/>.</summary>
    private static double LoadFit(LoadLevel capacity, LoadLevel load)
    {
        if (load <= capacity)
        {
            return 1.0;
        }

        var over = load - capacity;
        return over < Halvings.Length ? Halvings[over] : Math.Pow(0.5, over);
    }

    private static void Intern(Dictionary<string, int> table, string value) => table.TryAdd(value, table.Count);
}
