using Llo.Matching.Domain.Scoring;

namespace Llo.Matching.Domain.Index;

/// <summary>
/// The in-memory matching index of a region: postings from skill to the jobs that require it and to the workers that
/// have it. A query works in two passes. First it walks only the postings of the skills involved (and their similar
/// skills) and adds up, per item reached, an upper bound of its skill factors, so an item that cannot beat the
/// current k-th result is skipped. Then it scores the items that may enter exactly as <see cref="MatchScorer"/> does
/// (same sums in the same order), so a result's score equals its explanation's bit for bit. Only items sharing a
/// skill or a similar skill are candidates.
/// <para>
/// Queries may run in parallel on one instance. A write never changes an instance that queries may read:
/// <see cref="Fork"/> gives a copy that shares the postings, its edits copy only the skills they touch, and the owner
/// publishes the copy once the edits are done (and never edits it after that). Positions stay dense: removing an item
/// moves the last item into its place, and the item's <c>Id</c> is its position.
/// </para>
/// </summary>
public sealed class MatchIndex
{
    // Float sums of the bound can be off from the exact double arithmetic in the last bits; this margin keeps the bound
    // an upper bound (a looser bound only costs an extra exact score, never a result).
    private const double BoundMargin = 1e-4;

    private readonly int skillCount;
    private readonly SkillSimilarity similarity;
    private readonly ScoringWeights weights;
    private readonly SkillPostings jobsBySkill;
    private readonly SkillPostings workersBySkill;
    private readonly List<JobProfile> jobs;
    private readonly List<WorkerProfile> workers;
    private readonly double essentialWeight;
    private readonly double optionalWeight;
    private readonly double otherFactorsBound;

    [ThreadStatic]
    private static Scratch? scratch;

    public MatchIndex(int skillCount, SkillSimilarity similarity, ScoringWeights weights, IReadOnlyList<JobProfile> jobs, IReadOnlyList<WorkerProfile> workers)
    {
        this.skillCount = skillCount;
        this.similarity = similarity;
        this.weights = weights;
        this.jobs = [.. jobs];
        this.workers = [.. workers];
        (essentialWeight, optionalWeight, otherFactorsBound) = BoundWeights(weights);
        jobsBySkill = SkillPostings.Build(skillCount, jobs.Count, j => JobPostings(jobs[j]));
        workersBySkill = SkillPostings.Build(skillCount, workers.Count, w => workers[w].Skills.Select(s => s.SkillId).Distinct().Select(s => (s, 1f)));
    }

    private MatchIndex(MatchIndex from)
    {
        skillCount = from.skillCount;
        similarity = from.similarity;
        weights = from.weights;
        jobs = [.. from.jobs];
        workers = [.. from.workers];
        (essentialWeight, optionalWeight, otherFactorsBound) = (from.essentialWeight, from.optionalWeight, from.otherFactorsBound);
        jobsBySkill = from.jobsBySkill.Fork();
        workersBySkill = from.workersBySkill.Fork();
        Generation = from.Generation + 1;
    }

    public IReadOnlyList<JobProfile> Jobs => jobs;

    public IReadOnlyList<WorkerProfile> Workers => workers;

    public long PostingEntries => jobsBySkill.Entries + workersBySkill.Entries;

    /// <summary>How many edits (forks) lie between this instance and the one built from scratch.</summary>
    public long Generation { get; }

    /// <summary>A copy to edit while queries keep reading this one; see the class remarks.</summary>
    public MatchIndex Fork() => new(this);

    /// <summary>The best <paramref name="k"/> jobs for a worker (who need not be in the index); ties go to the lower position.</summary>
    public List<ScoredItem> TopJobs(WorkerProfile worker, int k)
    {
        var top = new TopK(k);
        ReachJobs(worker, top, null);
        return top.Result();
    }

    /// <summary>Every job the worker reaches with its score (for region fit); order unspecified.</summary>
    public void ForEachReachedJob(WorkerProfile worker, Action<int, double> visit) => ReachJobs(worker, null, visit);

    private void ReachJobs(WorkerProfile worker, TopK? top, Action<int, double>? visit)
    {
        var s = scratch ??= new Scratch();
        s.Begin(jobs.Count);
        var credits = s.Credits;
        credits.Fill(worker, similarity, skillCount);
        var bound = s.Bound;
        var stamp = s.Stamp;
        var round = s.Round;
        var touched = s.Touched;
        foreach (var skill in credits.Order)
        {
            var credit = credits.Value[skill];
            var items = jobsBySkill.Items(skill);
            var values = jobsBySkill.Values(skill);
            for (var i = 0; i < items.Length; i++)
            {
                var j = items[i];
                if (stamp[j] != round)
                {
                    stamp[j] = round;
                    bound[j] = 0;
                    touched.Add(j);
                }

                bound[j] += values[i] * credit;
            }
        }

        Span<double> factors = stackalloc double[ScoringWeights.FactorCount];
        foreach (var j in touched)
        {
            var job = jobs[j];
            if (top is not null && top.Excludes(bound[j] + Bias(job) + BoundMargin))
            {
                continue;
            }

            var score = ScoreJob(credits, worker, job, factors);
            top?.Offer(j, score);
            visit?.Invoke(j, score);
        }

        touched.Clear();
    }

    /// <summary>The best <paramref name="k"/> workers for a job (which need not be in the index); ties go to the lower position.</summary>
    public List<ScoredItem> TopCandidates(JobProfile job, int k)
    {
        var s = scratch ??= new Scratch();
        s.Begin(workers.Count);
        var expansion = s.Expansion;
        expansion.Fill(job, similarity, skillCount, essentialWeight, optionalWeight);
        var bound = s.Bound;
        var stamp = s.Stamp;
        var round = s.Round;
        var touched = s.Touched;
        foreach (var skill in expansion.Skills)
        {
            var weight = expansion.BoundWeight(skill);
            foreach (var w in workersBySkill.Items(skill))
            {
                if (stamp[w] != round)
                {
                    stamp[w] = round;
                    bound[w] = 0;
                    touched.Add(w);
                }

                bound[w] += weight;
            }
        }

        var top = new TopK(k);
        var bias = Bias(job) + BoundMargin;
        Span<double> factors = stackalloc double[ScoringWeights.FactorCount];
        foreach (var w in touched)
        {
            if (top.Excludes(bound[w] + bias))
            {
                continue;
            }

            var worker = workers[w];
            expansion.Credit(worker);
            MatchFactors.Compute(factors, expansion.EssentialSum, job.EssentialSkills.Length, expansion.OptionalSum, job.OptionalSkills.Length,
                expansion.StrengthSum, expansion.DirectCount, worker, job.Hours, job.PhysicalLoad, job.MentalLoad, job.Sector, job.Municipality);
            top.Offer(w, weights.Score(factors));
        }

        touched.Clear();
        return top.Result();
    }

    /// <summary>Top-k jobs for every worker in the index, on <paramref name="parallelism"/> threads; returns how many results.</summary>
    public long RematchAll(int k, int parallelism, Action<int, List<ScoredItem>>? result = null)
    {
        long total = 0;
        Parallel.For(0, workers.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, () => 0L, (w, _, local) =>
        {
            var top = TopJobs(workers[w], k);
            result?.Invoke(w, top);
            return local + top.Count;
        }, local => Interlocked.Add(ref total, local));
        return total;
    }

    /// <summary>Adds a job at the end; returns its position (also its <c>Id</c> in <see cref="Jobs"/>).</summary>
    public int AddJob(JobProfile job)
    {
        var at = jobs.Count;
        jobs.Add(job with { Id = at });
        foreach (var (skill, weight) in JobPostings(job))
        {
            jobsBySkill.Add(skill, at, weight);
        }

        return at;
    }

    public void ReplaceJob(int at, JobProfile job)
    {
        UnpostJob(at);
        jobs[at] = job with { Id = at };
        foreach (var (skill, weight) in JobPostings(job))
        {
            jobsBySkill.Add(skill, at, weight);
        }
    }

    /// <summary>Removes the job at <paramref name="at"/>; the last job moves into its place. Returns the moved job's old position, or -1.</summary>
    public int RemoveJob(int at)
    {
        UnpostJob(at);
        var last = jobs.Count - 1;
        if (at != last)
        {
            var moved = jobs[last];
            foreach (var skill in moved.EssentialSkills.Concat(moved.OptionalSkills).Distinct())
            {
                jobsBySkill.Rename(skill, last, at);
            }

            jobs[at] = moved with { Id = at };
        }

        jobs.RemoveAt(last);
        return at == last ? -1 : last;
    }

    /// <summary>Adds a worker at the end; returns its position (also its <c>Id</c> in <see cref="Workers"/>).</summary>
    public int AddWorker(WorkerProfile worker)
    {
        var at = workers.Count;
        workers.Add(worker with { Id = at });
        foreach (var skill in worker.Skills.Select(s => s.SkillId).Distinct())
        {
            workersBySkill.Add(skill, at, 1f);
        }

        return at;
    }

    public void ReplaceWorker(int at, WorkerProfile worker)
    {
        UnpostWorker(at);
        workers[at] = worker with { Id = at };
        foreach (var skill in worker.Skills.Select(s => s.SkillId).Distinct())
        {
            workersBySkill.Add(skill, at, 1f);
        }
    }

    /// <summary>Removes the worker at <paramref name="at"/>; the last worker moves into its place. Returns the moved worker's old position, or -1.</summary>
    public int RemoveWorker(int at)
    {
        UnpostWorker(at);
        var last = workers.Count - 1;
        if (at != last)
        {
            var moved = workers[last];
            foreach (var skill in moved.Skills.Select(s => s.SkillId).Distinct())
            {
                workersBySkill.Rename(skill, last, at);
            }

            workers[at] = moved with { Id = at };
        }

        workers.RemoveAt(last);
        return at == last ? -1 : last;
    }

    private void UnpostJob(int at)
    {
        var old = jobs[at];
        foreach (var skill in old.EssentialSkills.Concat(old.OptionalSkills).Distinct())
        {
            jobsBySkill.Remove(skill, at);
        }
    }

    private void UnpostWorker(int at)
    {
        foreach (var skill in workers[at].Skills.Select(s => s.SkillId).Distinct())
        {
            workersBySkill.Remove(skill, at);
        }
    }

    /// <summary>A job's postings: each required skill with the most its credit can add to the score (weight over count).</summary>
    private IEnumerable<(int Skill, float Weight)> JobPostings(JobProfile job)
    {
        foreach (var s in job.EssentialSkills)
        {
            yield return (s, (float)(essentialWeight / job.EssentialSkills.Length));
        }

        foreach (var s in job.OptionalSkills)
        {
            yield return (s, (float)(optionalWeight / job.OptionalSkills.Length));
        }
    }

    /// <summary>The part of a job's bound that does not depend on the skills: every other factor at 1, and a side without skills counts fully.</summary>
    private double Bias(JobProfile job) =>
        otherFactorsBound + (job.EssentialSkills.Length == 0 ? essentialWeight : 0) + (job.OptionalSkills.Length == 0 ? optionalWeight : 0);

    /// <summary>Exactly <see cref="MatchScorer.Score(SkillCredits, WorkerProfile, JobProfile)"/>: the same sums in the same order.</summary>
    private double ScoreJob(DenseCredits credits, WorkerProfile worker, JobProfile job, Span<double> factors)
    {
        float essential = 0, optional = 0, strength = 0;
        var direct = 0;
        foreach (var s in job.EssentialSkills)
        {
            essential += credits.ValueOf(s);
            if (credits.IsDirect(s))
            {
                strength += credits.Strength[s];
                direct++;
            }
        }

        foreach (var s in job.OptionalSkills)
        {
            optional += credits.ValueOf(s);
            if (credits.IsDirect(s))
            {
                strength += credits.Strength[s];
                direct++;
            }
        }

        MatchFactors.Compute(factors, essential, job.EssentialSkills.Length, optional, job.OptionalSkills.Length, strength, direct,
            worker, job.Hours, job.PhysicalLoad, job.MentalLoad, job.Sector, job.Municipality);
        return weights.Score(factors);
    }

    private static (double Essential, double Optional, double Others) BoundWeights(ScoringWeights weights)
    {
        var w = weights.Weights;
        var others = 0.0;
        for (var i = (int)MatchFactor.SkillStrength; i < ScoringWeights.FactorCount; i++)
        {
            others += Math.Max(0, w[i]);
        }

        return (Math.Max(0, w[(int)MatchFactor.EssentialSkills]), Math.Max(0, w[(int)MatchFactor.OptionalSkills]), others);
    }

    /// <summary>Per-thread working memory, sized to the larger side; a round number marks what is current, so nothing is cleared.</summary>
    private sealed class Scratch
    {
        public float[] Bound = [];
        public int[] Stamp = [];
        public int Round;
        public readonly List<int> Touched = new(1 << 14);
        public readonly DenseCredits Credits = new();
        public readonly JobExpansion Expansion = new();

        public void Begin(int size)
        {
            if (Stamp.Length < size)
            {
                Bound = new float[size];
                Stamp = new int[size];
                Round = 0;
            }

            Round++;
            Touched.Clear();
        }
    }
}
