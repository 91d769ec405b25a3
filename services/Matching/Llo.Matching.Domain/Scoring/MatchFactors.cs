namespace Llo.Matching.Domain.Scoring;

/// <summary>
/// Computes the factor vector of a worker and a job from a few sums over the job's skills, so the in-memory index
/// (which accumulates those sums over postings) and the explaining scorer produce the same numbers.
/// </summary>
public static class MatchFactors
{
    public static void Compute(
        Span<double> factors,
        float essentialCredit,
        int essentialCount,
        float optionalCredit,
        int optionalCount,
        float strengthSum,
        int directCount,
        WorkerProfile worker,
        int hours,
        LoadLevel physical,
        LoadLevel mental,
        string sector,
        string municipality)
    {
        factors[(int)MatchFactor.EssentialSkills] = essentialCount == 0 ? 1 : essentialCredit / essentialCount;
        factors[(int)MatchFactor.OptionalSkills] = optionalCount == 0 ? 1 : optionalCredit / optionalCount;
        factors[(int)MatchFactor.SkillStrength] = directCount == 0 ? 0 : strengthSum / directCount;
        factors[(int)MatchFactor.Hours] = HoursFit(worker, hours);
        factors[(int)MatchFactor.PhysicalLoad] = LoadFit(worker.Capacity.PhysicalLoad, physical);
        factors[(int)MatchFactor.MentalLoad] = LoadFit(worker.Capacity.MentalLoad, mental);
        var sectors = worker.Preferences.Sectors;
        factors[(int)MatchFactor.SectorPreference] = sectors.Count == 0 ? 0.5 : sectors.Contains(sector) ? 1 : 0;
        var place = worker.Preferences.Municipality;
        factors[(int)MatchFactor.Municipality] = place is null ? 0.5 : string.Equals(place, municipality, StringComparison.OrdinalIgnoreCase) ? 1 : 0.3;
    }

    /// <summary>1 when the job fits the hours the person can work (and wants); less the more it asks beyond that.</summary>
    public static double HoursFit(WorkerProfile worker, int hours)
    {
        var capacity = worker.Capacity.HoursPerWeek;
        var fit = hours <= capacity ? 1.0 : capacity <= 0 ? 0.0 : (double)capacity / hours;
        var p = worker.Preferences;
        if (hours < p.MinHours || (p.MaxHours > 0 && hours > p.MaxHours))
        {
            fit *= 0.8;
        }

        return fit;
    }

    /// <summary>1 within capacity; each level beyond it halves what is left.</summary>
    public static double LoadFit(LoadLevel capacity, LoadLevel load) =>
        load <= capacity ? 1.0 : Math.Pow(0.5, load - capacity);
}
