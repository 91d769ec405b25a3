using Llo.Matching.Domain.Carving;
using Llo.Matching.Domain.Scoring;
using Llo.Matching.Domain.Taxonomy;

namespace Llo.Matching.Domain.Tests;

/// <summary>Job carving on the demo taxonomy: the engine works without ESCO files too.</summary>
public sealed class CarvingTests
{
    private static readonly SkillTaxonomy Demo = DemoTaxonomy.Load();
    private static readonly SkillSimilarity Similarity = SkillSimilarity.Learn(Demo);

    private static Occupation Occupation(string dutch) => Demo.FindOccupationsByDutchName(dutch).Single();

    private static WorkerProfile Worker(int hours, LoadLevel physical, params int[] skills) =>
        new(1, skills.Select(s => new WorkerSkill(s, 3, SkillEvidence.Confirmed)).ToArray(),
            new WorkerPreferences(new HashSet<string>(), 0, 0, null), new WorkCapacity(hours, physical, LoadLevel.Heavy));

    private static TaskProfile Task(int id, int employer, int hours, LoadLevel physical, params int[] skills) =>
        new(id, employer, id, skills, hours, physical, LoadLevel.Light, "hospitality", "Vlaardingen");

    [Fact]
    public void A_bundle_fills_the_persons_hours_from_fitting_tasks_and_never_exceeds_their_capacity()
    {
        var kitchen = Occupation("medewerker keuken").EssentialSkills;
        var worker = Worker(16, LoadLevel.Moderate, kitchen);
        var tasks = new[]
        {
            Task(1, employer: 10, hours: 8, LoadLevel.Light, kitchen[0], kitchen[1]),
            Task(2, employer: 11, hours: 8, LoadLevel.Moderate, kitchen[2]),
            Task(3, employer: 12, hours: 12, LoadLevel.VeryHeavy, kitchen[3]),
            Task(4, employer: 13, hours: 6, LoadLevel.Light, kitchen[4]),
        };

        var bundle = new TaskCarver(Similarity).Carve(worker, tasks);

        Assert.Equal(16, bundle.Hours);
        Assert.Equal([1, 2], bundle.Tasks.Select(t => t.Task.Id).Order());
        Assert.DoesNotContain(bundle.Tasks, t => t.Task.PhysicalLoad > LoadLevel.Moderate);
        Assert.Equal(2, bundle.Employers);
        Assert.Equal(1.0, bundle.Score, 3);
    }

    [Fact]
    public void One_employer_is_preferred_when_it_fills_almost_as_well_and_tasks_outside_the_skills_are_left_out()
    {
        var cook = Occupation("kok").EssentialSkills;
        var port = Occupation("heftruckchauffeur").EssentialSkills.Except(cook).ToArray();
        var worker = Worker(20, LoadLevel.Heavy, cook);
        var tasks = new[]
        {
            Task(1, employer: 1, hours: 10, LoadLevel.Light, cook[0]),
            Task(2, employer: 1, hours: 10, LoadLevel.Light, cook[1]),
            Task(3, employer: 2, hours: 10, LoadLevel.Light, cook[2]),
            Task(4, employer: 3, hours: 10, LoadLevel.Light, port[0], port[1]),
        };

        var bundle = new TaskCarver(Similarity).Carve(worker, tasks);

        Assert.Equal(1, bundle.Employers);
        Assert.Equal([1, 2], bundle.Tasks.Select(t => t.Task.Id).Order());
        Assert.Empty(new TaskCarver(Similarity).Carve(Worker(20, LoadLevel.Heavy, port), tasks.Take(3)).Tasks);
    }
}
