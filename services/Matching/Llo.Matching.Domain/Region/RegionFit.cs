using Llo.Matching.Domain.Index;

namespace Llo.Matching.Domain.Region;

/// <summary>Demand for a profile in one municipality and sector: vacancies that match it, of all there are, and how well.</summary>
public sealed record RegionDemand(string Municipality, string Sector, int MatchingVacancies, int Vacancies, double MeanScore, double BestScore);

/// <summary>
/// Where in the region there is demand for this profile, from the current vacancies in the index: every job the
/// person reaches with at least <c>minimumScore</c>, grouped by municipality and sector, most matching vacancies first.
/// </summary>
public static class RegionFit
{
    public const double DefaultMinimumScore = 0.5;

    public static IReadOnlyList<RegionDemand> For(Scoring.WorkerProfile worker, MatchIndex index, double minimumScore = DefaultMinimumScore)
    {
        var cells = new Dictionary<(string, string), (int Count, double Sum, double Best)>();
        index.ForEachReachedJob(worker, (j, score) =>
        {
            if (score < minimumScore)
            {
                return;
            }

            var job = index.Jobs[j];
            var key = (job.Municipality, job.Sector);
            var (count, sum, best) = cells.GetValueOrDefault(key);
            cells[key] = (count + 1, sum + score, Math.Max(best, score));
        });
        var totals = index.Jobs.GroupBy(j => (j.Municipality, j.Sector)).ToDictionary(g => g.Key, g => g.Count());
        return cells
            .Select(c => new RegionDemand(c.Key.Item1, c.Key.Item2, c.Value.Count, totals[c.Key], Math.Round(c.Value.Sum / c.Value.Count, 4), Math.Round(c.Value.Best, 4)))
            .OrderByDescending(d => d.MatchingVacancies)
            .ThenByDescending(d => d.MeanScore)
            .ThenBy(d => d.Municipality, StringComparer.Ordinal)
            .ThenBy(d => d.Sector, StringComparer.Ordinal)
            .ToList();
    }
}
