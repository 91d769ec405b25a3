using Llo.Matching.Domain.Scoring;
using Llo.Matching.Domain.Taxonomy;

namespace Llo.Matching.Domain.Transitions;

public enum TransitionLevel
{
    Viable,
    HighlyViable,
}

/// <summary>
/// An occupation the person can move to: how much of its essential and optional skills they cover (similar skills
/// count partly), the essential skills still missing (the gap), and whether ESCO puts it in the same ISCO-08 group
/// as an occupation they had.
/// </summary>
public sealed record Transition(
    int OccupationId,
    TransitionLevel Level,
    double EssentialCoverage,
    double OptionalCoverage,
    double Score,
    IReadOnlyList<int> MissingEssential,
    bool SameIscoGroup);

/// <summary>
/// Which occupations are reachable with the smallest skill gaps (highest coverage first). Coverage uses the learned skill similarity
/// (co-occurrence across occupations plus ESCO's relations); "highly viable" from <see cref="HighlyViable"/>
/// essential coverage, "viable" from <see cref="Viable"/>. The occupations the person has are left out.
/// </summary>
public sealed class TransitionFinder(SkillTaxonomy taxonomy, SkillSimilarity similarity)
{
    // ESCO occupations list ~19 essential skills each, many specific to the occupation: a cook covers 0.6 of a chef's
    // and 0.9 of a fish cook's, a forklift operator 0.35 of a warehouse order picker's. The levels sit there.
    public const double Viable = 0.3;
    public const double HighlyViable = 0.5;

    public IReadOnlyList<Transition> Find(WorkerProfile worker, IReadOnlyCollection<int> currentOccupations, int limit = 20)
    {
        var credits = SkillCredits.For(worker, similarity);
        var currentGroups = currentOccupations.Select(o => taxonomy.Occupations[o].IscoGroup).ToHashSet();
        var found = new List<Transition>();
        foreach (var o in taxonomy.Occupations)
        {
            if (currentOccupations.Contains(o.Id) || o.EssentialSkills.Length == 0)
            {
                continue;
            }

            var essential = o.EssentialSkills.Sum(s => credits.Of(s).Value) / o.EssentialSkills.Length;
            if (essential < Viable)
            {
                continue;
            }

            var optional = o.OptionalSkills.Length == 0 ? 1.0 : o.OptionalSkills.Sum(s => credits.Of(s).Value) / o.OptionalSkills.Length;
            var missing = o.EssentialSkills.Where(s => !credits.Of(s).Direct).ToList();
            found.Add(new Transition(o.Id, essential >= HighlyViable ? TransitionLevel.HighlyViable : TransitionLevel.Viable,
                Math.Round(essential, 3), Math.Round(optional, 3), Math.Round(0.8 * essential + 0.2 * optional, 4), missing,
                currentGroups.Contains(o.IscoGroup)));
        }

        return found
            .OrderByDescending(t => t.Score)
            .ThenBy(t => t.MissingEssential.Count)
            .ThenBy(t => t.OccupationId)
            .Take(limit)
            .ToList();
    }
}
