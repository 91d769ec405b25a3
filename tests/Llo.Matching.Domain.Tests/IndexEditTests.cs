using Llo.Matching.Domain.Index;
using Llo.Matching.Domain.Scoring;
using Llo.Matching.Domain.Synthetic;

namespace Llo.Matching.Domain.Tests;

/// <summary>
/// The index against a plain reference (score every item with <see cref="MatchScorer"/>, sort): the same items in the
/// same order, scores equal but for float rounding (the index adds a job's credits in another order than the scorer).
/// An edited index against one built from scratch on the same profiles: the same lists with the same scores, bit for bit.
/// </summary>
[Collection(EscoCollection.Name)]
public sealed class IndexEditTests(EscoFixture esco)
{
    private static SkillSimilarity? similarity;

    private SkillSimilarity Similarity => similarity ??= SkillSimilarity.Learn(esco.Taxonomy);

    private int SkillCount => esco.Taxonomy.Skills.Count;

    [EscoFact]
    public void Top_jobs_and_candidates_equal_a_reference_that_scores_every_item_with_the_scorer()
    {
        var region = SyntheticRegion.Generate(esco.Taxonomy, workers: 1_500, jobs: 300, tasksPerJob: 0, seed: 5);
        var scorer = new MatchScorer(Similarity, ScoringWeights.Default);
        var index = new MatchIndex(SkillCount, Similarity, ScoringWeights.Default, region.Jobs, region.Workers);

        foreach (var worker in region.Workers.Take(40))
        {
            var credits = SkillCredits.For(worker, Similarity);
            var expected = region.Jobs
                .Where(j => j.EssentialSkills.Concat(j.OptionalSkills).Any(s => credits.Of(s).Value > 0))
                .Select(j => new ScoredItem(j.Id, scorer.Score(credits, worker, j)))
                .OrderByDescending(r => r.Score).ThenBy(r => r.Index).Take(20).ToList();
            AssertSame(expected, index.TopJobs(worker, 20));
        }

        foreach (var job in region.Jobs.Take(15))
        {
            var expected = region.Workers
                .Select(w => (Worker: w, Credits: SkillCredits.For(w, Similarity)))
                .Where(x => job.EssentialSkills.Concat(job.OptionalSkills).Any(s => x.Credits.Of(s).Value > 0))
                .Select(x => new ScoredItem(x.Worker.Id, scorer.Score(x.Credits, x.Worker, job)))
                .OrderByDescending(r => r.Score).ThenBy(r => r.Index).Take(50).ToList();
            AssertSame(expected, index.TopCandidates(job, 50));
        }
    }

    [EscoFact]
    public void An_edited_index_answers_as_one_built_from_scratch_and_the_original_keeps_its_answers()
    {
        var region = SyntheticRegion.Generate(esco.Taxonomy, workers: 1_200, jobs: 300, tasksPerJob: 0, seed: 9);
        var extra = SyntheticRegion.Generate(esco.Taxonomy, workers: 200, jobs: 60, tasksPerJob: 0, seed: 10);
        var original = new MatchIndex(SkillCount, Similarity, ScoringWeights.Default, region.Jobs, region.Workers);
        var probeWorkers = region.Workers.Take(30).Concat(extra.Workers.Take(10)).ToList();
        var probeJobs = region.Jobs.Take(10).Concat(extra.Jobs.Take(5)).ToList();
        var before = Answers(original, probeWorkers, probeJobs);

        var edited = original.Fork();
        var random = new Random(3);
        for (var i = 0; i < 150; i++)
        {
            switch (random.Next(6))
            {
                case 0: edited.AddWorker(extra.Workers[random.Next(extra.Workers.Count)]); break;
                case 1: edited.ReplaceWorker(random.Next(edited.Workers.Count), extra.Workers[random.Next(extra.Workers.Count)]); break;
                case 2: edited.RemoveWorker(random.Next(edited.Workers.Count)); break;
                case 3: edited.AddJob(extra.Jobs[random.Next(extra.Jobs.Count)]); break;
                case 4: edited.ReplaceJob(random.Next(edited.Jobs.Count), extra.Jobs[random.Next(extra.Jobs.Count)]); break;
                default: edited.RemoveJob(random.Next(edited.Jobs.Count)); break;
            }
        }

        Assert.Equal(original.Generation + 1, edited.Generation);
        Assert.All(edited.Workers.Select((w, i) => (w, i)), x => Assert.Equal(x.i, x.w.Id));
        Assert.All(edited.Jobs.Select((j, i) => (j, i)), x => Assert.Equal(x.i, x.j.Id));
        var fresh = new MatchIndex(SkillCount, Similarity, ScoringWeights.Default, edited.Jobs, edited.Workers);
        Assert.Equal(fresh.PostingEntries, edited.PostingEntries);
        Assert.Equal(Answers(fresh, probeWorkers, probeJobs), Answers(edited, probeWorkers, probeJobs));
        Assert.NotEqual(before, Answers(edited, probeWorkers, probeJobs));
        Assert.Equal(before, Answers(original, probeWorkers, probeJobs));
    }

    [EscoFact]
    public void An_edited_task_index_answers_as_one_built_from_scratch()
    {
        var region = SyntheticRegion.Generate(esco.Taxonomy, workers: 50, jobs: 200, tasksPerJob: 5, seed: 4);
        var extra = SyntheticRegion.Generate(esco.Taxonomy, workers: 0, jobs: 40, tasksPerJob: 5, seed: 6);
        var original = new TaskIndex(SkillCount, Similarity, region.Tasks);
        var before = region.Workers.Select(w => original.TopTasks(w, 30)).ToList();

        var edited = original.Fork();
        var random = new Random(8);
        for (var i = 0; i < 200; i++)
        {
            if (random.Next(2) == 0)
            {
                edited.AddTask(extra.Tasks[random.Next(extra.Tasks.Count)]);
            }
            else
            {
                edited.RemoveTask(random.Next(edited.Tasks.Count));
            }
        }

        Assert.All(edited.Tasks.Select((t, i) => (t, i)), x => Assert.Equal(x.i, x.t.Id));
        var fresh = new TaskIndex(SkillCount, Similarity, edited.Tasks);
        Assert.Equal(region.Workers.Select(w => fresh.TopTasks(w, 30)), region.Workers.Select(w => edited.TopTasks(w, 30)));
        Assert.Equal(before, region.Workers.Select(w => original.TopTasks(w, 30)));
    }

    private static void AssertSame(List<ScoredItem> expected, List<ScoredItem> actual)
    {
        Assert.Equal(expected.Select(r => r.Index), actual.Select(r => r.Index));
        Assert.All(expected.Zip(actual), p => Assert.Equal(p.First.Score, p.Second.Score, 1e-6));
    }

    // Every reached item (k larger than the index), so the comparison does not hinge on how ties at the cut fall.
    private static List<List<ScoredItem>> Answers(MatchIndex index, List<WorkerProfile> workers, List<JobProfile> jobs) =>
        [.. workers.Select(w => index.TopJobs(w, 100_000)), .. jobs.Select(j => index.TopCandidates(j, 100_000))];
}
