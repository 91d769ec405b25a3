using Llo.Matching.Domain.Index;
using Llo.Matching.Domain.Scoring;
using Llo.Matching.Domain.Synthetic;
using Llo.Matching.Domain.Taxonomy;

namespace Llo.Matching.Domain.Tests;

[Collection(EscoCollection.Name)]
public sealed class ScoringTests(EscoFixture esco)
{
    private static SkillSimilarity? similarity;

    private SkillSimilarity Similarity => similarity ??= SkillSimilarity.Learn(esco.Taxonomy);

    private static WorkerProfile Worker(params WorkerSkill[] skills) =>
        new(1, skills, new WorkerPreferences(new HashSet<string> { "port" }, 0, 40, "Schiedam"), new WorkCapacity(32, LoadLevel.Heavy, LoadLevel.Moderate));

    private Occupation Forklift => esco.Taxonomy.FindOccupation("http://data.europa.eu/esco/occupation/eeac6251-1974-42f5-91ed-513c6c883755")!;

    private JobProfile ForkliftJob(int hours = 32, LoadLevel physical = LoadLevel.Heavy) =>
        new(7, 1, Forklift.Id, Forklift.EssentialSkills, Forklift.OptionalSkills, hours, physical, LoadLevel.Light, "port", "Schiedam");

    [EscoFact]
    public void A_worker_with_every_essential_skill_scores_higher_than_one_with_half_and_the_explanation_names_the_gaps()
    {
        var scorer = new MatchScorer(Similarity, ScoringWeights.Default);
        var all = Worker(Forklift.EssentialSkills.Select(s => new WorkerSkill(s, 4, SkillEvidence.Confirmed)).ToArray());
        var half = Worker(Forklift.EssentialSkills.Take(Forklift.EssentialSkills.Length / 2).Select(s => new WorkerSkill(s, 4, SkillEvidence.Confirmed)).ToArray());

        var full = scorer.Explain(all, ForkliftJob());
        var partial = scorer.Explain(half, ForkliftJob());

        Assert.True(full.Score > partial.Score);
        Assert.Empty(full.MissingEssential);
        Assert.Equal(Forklift.EssentialSkills.Skip(Forklift.EssentialSkills.Length / 2).Order(), partial.MissingEssential.Order());
        Assert.All(partial.GapClosures.Where(g => g.Essential), g => Assert.True(g.ScoreAfter > partial.Score));
        Assert.Equal(partial.Score, partial.Factors.Sum(f => f.Contribution), 3);
        Assert.Equal("hand-v1", partial.ScoringVersion);
    }

    [EscoFact]
    public void A_skill_similar_to_a_missing_one_earns_partial_credit_named_after_the_workers_own_skill()
    {
        var scorer = new MatchScorer(Similarity, ScoringWeights.Default);
        var required = Forklift.EssentialSkills.First(s => Similarity.Neighbours(s).Length > 0);
        var (neighbour, sim) = Similarity.Neighbours(required)[0];
        var job = ForkliftJob() with { EssentialSkills = [required], OptionalSkills = [] };

        var explanation = scorer.Explain(Worker(new WorkerSkill(neighbour, 3, SkillEvidence.Claimed)), job);

        var matched = Assert.Single(explanation.MatchedSkills);
        Assert.False(matched.Direct);
        Assert.Equal(neighbour, matched.SimilarTo);
        Assert.Equal(SkillCredits.SimilarCredit * sim, matched.Credit, 3);
        Assert.Equal([required], explanation.MissingEssential);
    }

    [EscoFact]
    public void Hours_and_load_beyond_capacity_lower_their_factors_and_weights_can_be_replaced_without_changing_the_explanation()
    {
        var worker = Worker(Forklift.EssentialSkills.Select(s => new WorkerSkill(s, 3, SkillEvidence.Claimed)).ToArray());
        var scorer = new MatchScorer(Similarity, ScoringWeights.Default);
        var learned = new MatchScorer(Similarity, new ScoringWeights("learned-test", [1, 0, 0, 0, 0, 0, 0, 0]));

        var fits = scorer.Explain(worker, ForkliftJob());
        var tooMuch = scorer.Explain(worker, ForkliftJob(hours: 40, physical: LoadLevel.VeryHeavy));
        var relearned = learned.Explain(worker, ForkliftJob(hours: 40, physical: LoadLevel.VeryHeavy));

        Assert.Equal(1, fits.Factors.Single(f => f.Factor == MatchFactor.Hours).Value);
        Assert.Equal(0.8, tooMuch.Factors.Single(f => f.Factor == MatchFactor.Hours).Value, 3);
        Assert.Equal(0.5, tooMuch.Factors.Single(f => f.Factor == MatchFactor.PhysicalLoad).Value, 3);
        Assert.True(tooMuch.Score < fits.Score);
        Assert.Equal(tooMuch.Factors.Select(f => f.Value), relearned.Factors.Select(f => f.Value));
        Assert.Equal(1, relearned.Score, 3);
        Assert.DoesNotContain(typeof(WorkerProfile).GetProperties(), p => p.Name is "Age" or "Gender" or "Origin" or "Postcode" or "BirthDate" or "Nationality");
    }

    [EscoFact]
    public void The_index_ranks_exactly_as_the_scorer_for_jobs_and_for_candidates()
    {
        var region = SyntheticRegion.Generate(esco.Taxonomy, workers: 2_000, jobs: 400, tasksPerJob: 0, seed: 7);
        var scorer = new MatchScorer(Similarity, ScoringWeights.Default);
        var index = new MatchIndex(esco.Taxonomy.Skills.Count, Similarity, ScoringWeights.Default, region.Jobs, region.Workers);

        foreach (var worker in region.Workers.Take(25))
        {
            var credits = SkillCredits.For(worker, Similarity);
            var expected = region.Jobs
                .Where(j => j.EssentialSkills.Concat(j.OptionalSkills).Any(s => credits.Of(s).Value > 0))
                .Select(j => scorer.Score(credits, worker, j)).OrderDescending().Take(20).ToList();
            var actual = index.TopJobs(worker, 20).Select(r => r.Score).ToList();
            Assert.Equal(expected.Count, actual.Count);
            Assert.All(expected.Zip(actual), p => Assert.Equal(p.First, p.Second, 4));
        }

        foreach (var job in region.Jobs.Take(10))
        {
            var expected = region.Workers
                .Select(w => (Worker: w, Credits: SkillCredits.For(w, Similarity)))
                .Where(x => job.EssentialSkills.Concat(job.OptionalSkills).Any(s => x.Credits.Of(s).Value > 0))
                .Select(x => scorer.Score(x.Credits, x.Worker, job)).OrderDescending().Take(50).ToList();
            var actual = index.TopCandidates(job, 50).Select(r => r.Score).ToList();
            Assert.All(expected.Zip(actual), p => Assert.Equal(p.First, p.Second, 4));
            Assert.Equal(expected.Count, actual.Count);
        }
    }
}
