using Llo.Matching.Domain.Index;
using Llo.Matching.Domain.Region;
using Llo.Matching.Domain.Scoring;
using Llo.Matching.Domain.Transitions;

namespace Llo.Matching.Domain.Tests;

[Collection(EscoCollection.Name)]
public sealed class TransitionAndRegionTests(EscoFixture esco)
{
    private static SkillSimilarity? similarity;

    private SkillSimilarity Similarity => similarity ??= SkillSimilarity.Learn(esco.Taxonomy);

    private WorkerProfile FormerWorker(string occupationUri, out int occupation)
    {
        var o = esco.Taxonomy.FindOccupation(occupationUri)!;
        occupation = o.Id;
        return new WorkerProfile(1, o.EssentialSkills.Select(s => new WorkerSkill(s, 4, SkillEvidence.Confirmed)).ToArray(),
            new WorkerPreferences(new HashSet<string>(), 0, 40, "Vlaardingen"), new WorkCapacity(40, LoadLevel.Heavy, LoadLevel.Heavy));
    }

    [EscoFact]
    public void A_cook_reaches_neighbouring_kitchen_occupations_with_the_smallest_gaps_first()
    {
        var worker = FormerWorker("http://data.europa.eu/esco/occupation/90f75f67-495d-49fa-ab57-2f320e251d7e", out var cook);
        var forkliftDriver = FormerWorker("http://data.europa.eu/esco/occupation/eeac6251-1974-42f5-91ed-513c6c883755", out var forklift);
        var finder = new TransitionFinder(esco.Taxonomy, Similarity);

        var transitions = finder.Find(worker, [cook]);
        var fromForklift = finder.Find(forkliftDriver, [forklift]);

        Assert.DoesNotContain(transitions, t => t.OccupationId == cook);
        Assert.Equal(transitions.Select(t => t.Score).OrderDescending(), transitions.Select(t => t.Score));
        Assert.Contains(transitions.Take(3), t => esco.Taxonomy.Occupations[t.OccupationId].LabelEn == "fish cook" && t.Level == TransitionLevel.HighlyViable);
        Assert.Contains(transitions, t => esco.Taxonomy.Occupations[t.OccupationId].LabelEn == "chef");
        Assert.Contains(fromForklift, t => esco.Taxonomy.Occupations[t.OccupationId].LabelEn == "warehouse order picker" && t.Level == TransitionLevel.Viable);
        Assert.All(transitions, t => Assert.InRange(t.EssentialCoverage, TransitionFinder.Viable, 1.0));
        Assert.All(transitions, t => Assert.Equal(t.EssentialCoverage >= TransitionFinder.HighlyViable, t.Level == TransitionLevel.HighlyViable));
        Assert.Contains(transitions, t => t.SameIscoGroup);
    }

    [EscoFact]
    public void Region_fit_counts_matching_vacancies_per_municipality_and_sector()
    {
        var worker = FormerWorker("http://data.europa.eu/esco/occupation/90f75f67-495d-49fa-ab57-2f320e251d7e", out var cook);
        var o = esco.Taxonomy.Occupations[cook];
        JobProfile Job(int id, string municipality, string sector, int occupation) =>
            new(id, id, occupation, esco.Taxonomy.Occupations[occupation].EssentialSkills, [], 32, LoadLevel.Moderate, LoadLevel.Moderate, sector, municipality);
        var unrelated = esco.Taxonomy.Occupations.First(x => x.EssentialSkills.Length > 5 && !x.EssentialSkills.Intersect(o.EssentialSkills).Any()
            && x.EssentialSkills.All(s => SkillCredits.For(worker, Similarity).Of(s).Value == 0));
        var jobs = new[]
        {
            Job(0, "Schiedam", "hospitality", cook), Job(1, "Schiedam", "hospitality", cook), Job(2, "Maassluis", "food", cook),
            Job(3, "Vlaardingen", "port", unrelated.Id),
        };
        var index = new MatchIndex(esco.Taxonomy.Skills.Count, Similarity, ScoringWeights.Default, jobs, []);

        var demand = RegionFit.For(worker, index);

        Assert.Equal(("Schiedam", "hospitality", 2, 2), (demand[0].Municipality, demand[0].Sector, demand[0].MatchingVacancies, demand[0].Vacancies));
        Assert.Equal(("Maassluis", "food", 1), (demand[1].Municipality, demand[1].Sector, demand[1].MatchingVacancies));
        Assert.DoesNotContain(demand, d => d.Sector == "port");
        Assert.Equal(2, demand.Count);
    }
}
