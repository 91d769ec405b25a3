using System.Numerics;
using System.Runtime.InteropServices;
using Llo.Matching.Domain.Scoring;

namespace Llo.Matching.Domain.Index;

/// <summary>
/// The in-memory matching index of a region: postings from skill to the jobs that require it (essential and optional
/// apart) and to the workers that have it or a similar skill (<see cref="WorkerPostings"/>). A query walks only the
/// postings of the skills involved (and their similar skills), accumulates the per-item sums the factor vector needs,
/// and scores just the items reached with the arithmetic of <see cref="MatchScorer"/> (through
/// <see cref="FactorTraits"/>, which reads ids instead of strings), so the explanation of a result agrees with its rank.
/// Only items sharing a skill or a similar skill are candidates, and an item is scored only when its sums leave it a
/// chance to enter the top list (<see cref="UpperBound"/>).
/// <para>
/// Queries may run in parallel on one instance. A write never changes an instance that queries may read:
/// <see cref="Fork"/> gives a copy that shares the postings, its edits copy only the skills they touch, and the owner
/// publishes the copy once the edits are done (and never edits it after that). Positions stay dense: removing an item
/// moves the last item into its place, and an item's <c>Id</c> is its position.
/// </para>
/// </summary>
public sealed class MatchIndex
{
    private readonly int skillCount;
    private readonly SkillSimilarity similarity;
    private readonly ScoringWeights weights;
    private readonly SkillPostings essentialJobs;
    private readonly SkillPostings optionalJobs;
    private readonly WorkerPostings workersBySkill;
    private readonly List<JobProfile> jobs;
    private readonly List<WorkerProfile> workers;
    private readonly List<JobTraits> jobTraits;
    private readonly List<JobShape> jobShapes;
    private readonly List<WorkerTraits> workerTraits;
    private readonly FactorTraits traits;
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
        traits = new FactorTraits();
        jobTraits = [.. jobs.Select(traits.Add)];
        jobShapes = [.. jobs.Select(JobShape.Of)];
        workerTraits = [.. workers.Select(traits.Add)];
        otherFactorsBound = OtherFactorsBound(weights);
        essentialJobs = SkillPostings.Build(skillCount, jobs.Count, j => jobs[j].EssentialSkills.Distinct().Select(s => (s, 1f)));
        optionalJobs = SkillPostings.Build(skillCount, jobs.Count, j => jobs[j].OptionalSkills.Distinct().Select(s => (s, 1f)));
        workersBySkill = new WorkerPostings(skillCount, similarity, workers);
    }

    private MatchIndex(MatchIndex from)
    {
        skillCount = from.skillCount;
        similarity = from.similarity;
        weights = from.weights;
        jobs = [.. from.jobs];
        workers = [.. from.workers];
        jobTraits = [.. from.jobTraits];
        jobShapes = [.. from.jobShapes];
        workerTraits = [.. from.workerTraits];
        traits = from.traits.Fork();
        otherFactorsBound = from.otherFactorsBound;
        essentialJobs = from.essentialJobs.Fork();
        optionalJobs = from.optionalJobs.Fork();
        workersBySkill = from.workersBySkill.Fork();
        Generation = from.Generation + 1;
    }

    public IReadOnlyList<JobProfile> Jobs => jobs;

    public IReadOnlyList<WorkerProfile> Workers => workers;

    public long PostingEntries => essentialJobs.Entries + optionalJobs.Entries + workersBySkill.Entries;

    /// <summary>How many forks lie between this instance and the one built from scratch.</summary>
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
        try
        {
            ReachJobs(s, worker, top, visit);
        }
        finally
        {
            s.End();
        }
    }

    private void ReachJobs(Scratch s, WorkerProfile worker, TopK? top, Action<int, double>? visit)
    {
        var credits = s.Credits;
        credits.Fill(worker, similarity, skillCount);
        // Own skills first, then similar ones, as SkillCredits lists them: the float sums come out as they always did.
        foreach (var skill in credits.Order)
        {
            var value = credits.Value[skill];
            var direct = credits.Direct[skill];
            var strength = credits.Strength[skill];
            Accumulate(s, essentialJobs.Items(skill), value, direct, strength, essential: true);
            Accumulate(s, optionalJobs.Items(skill), value, direct, strength, essential: false);
        }

        var sums = s.Sums;

        var fast = traits.Fits;
        var worksAs = traits.Of(worker);
        var w = weights.Weights;
        Span<double> factors = stackalloc double[ScoringWeights.FactorCount];
        var shapes = CollectionsMarshal.AsSpan(jobShapes);
        var rows = CollectionsMarshal.AsSpan(jobTraits);
        foreach (var j in s.Items)
        {
            var (essentialCount, optionalCount) = shapes[j];
            ref readonly var sum = ref sums[j];
            if (top is not null && top.Excludes(UpperBound(sum, essentialCount, optionalCount)))
            {
                continue;
            }

            double score;
            if (fast)
            {
                score = FactorTraits.Score(w, sum.Essential, essentialCount, sum.Optional, optionalCount, sum.Strength, sum.Direct, worksAs, rows[j]);
            }
            else
            {
                var job = jobs[j];
                MatchFactors.Compute(factors, sum.Essential, essentialCount, sum.Optional, optionalCount, sum.Strength, sum.Direct,
                    worker, job.Hours, job.PhysicalLoad, job.MentalLoad, job.Sector, job.Municipality);
                score = weights.Score(factors);
            }

            top?.Offer(j, score);
            visit?.Invoke(j, score);
        }
    }

    /// <summary>The best <paramref name="k"/> workers for a job (which need not be in the index); ties go to the lower position.</summary>
    public List<ScoredItem> TopCandidates(JobProfile job, int k)
    {
        var s = scratch ??= new Scratch();
        s.Begin(workers.Count);
        try
        {
            return TopCandidates(s, job, k);
        }
        finally
        {
            s.End();
        }
    }

    private List<ScoredItem> TopCandidates(Scratch s, JobProfile job, int k)
    {
        var sums = s.Sums;
        for (var side = 0; side < 2; side++)
        {
            var essential = side == 0;
            foreach (var required in essential ? job.EssentialSkills : job.OptionalSkills)
            {
                // Per required skill a worker earns 1 for having it, else the credit of their most similar skill;
                // each worker is in at most one of the two lists, once, so the sums grow in the order of the job's
                // skills, by the same floats as when the neighbours' holders were walked one by one.
                var holders = workersBySkill.Holders(required);
                var strengths = workersBySkill.HolderStrengths(required);
                for (var i = 0; i < holders.Length; i++)
                {
                    ref var sum = ref s.Touch(holders[i]);
                    sum.Add(1f, essential);
                    sum.Strength += strengths[i];
                    sum.Direct++;
                }

                var similar = workersBySkill.Similar(required);
                var credits = workersBySkill.SimilarCredits(required);
                for (var i = 0; i < similar.Length; i++)
                {
                    s.Touch(similar[i]).Add(credits[i], essential);
                }
            }
        }

        var top = new TopK(k);
        var fast = traits.Fits;
        var wanted = traits.Of(job);
        var weightsOf = weights.Weights;
        var (essentialCount, optionalCount) = (job.EssentialSkills.Length, job.OptionalSkills.Length);
        Span<double> factors = stackalloc double[ScoringWeights.FactorCount];
        var workerRows = CollectionsMarshal.AsSpan(workerTraits);
        foreach (var w in s.Items)
        {
            ref readonly var sum = ref sums[w];
            if (top.Excludes(UpperBound(sum, essentialCount, optionalCount)))
            {
                continue;
            }

            double score;
            if (fast)
            {
                score = FactorTraits.Score(weightsOf, sum.Essential, essentialCount, sum.Optional, optionalCount, sum.Strength, sum.Direct, workerRows[w], wanted);
            }
            else
            {
                MatchFactors.Compute(factors, sum.Essential, essentialCount, sum.Optional, optionalCount, sum.Strength, sum.Direct,
                    workers[w], job.Hours, job.PhysicalLoad, job.MentalLoad, job.Sector, job.Municipality);
                score = weights.Score(factors);
            }

            top.Offer(w, score);
        }

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
        jobTraits.Add(traits.Add(job));
        jobShapes.Add(JobShape.Of(job));
        PostJob(at);
        return at;
    }

    public void ReplaceJob(int at, JobProfile job)
    {
        UnpostJob(at);
        jobs[at] = job with { Id = at };
        jobTraits[at] = traits.Add(job);
        jobShapes[at] = JobShape.Of(job);
        PostJob(at);
    }

    /// <summary>Removes the job at <paramref name="at"/>; the last job moves into its place. Returns the moved job's old position, or -1.</summary>
    public int RemoveJob(int at)
    {
        UnpostJob(at);
        var last = jobs.Count - 1;
        if (at != last)
        {
            var moved = jobs[last];
            foreach (var skill in moved.EssentialSkills.Distinct())
            {
                essentialJobs.Rename(skill, last, at);
            }

            foreach (var skill in moved.OptionalSkills.Distinct())
            {
                optionalJobs.Rename(skill, last, at);
            }

            jobs[at] = moved with { Id = at };
            jobTraits[at] = jobTraits[last];
            jobShapes[at] = jobShapes[last];
        }

        jobs.RemoveAt(last);
        jobTraits.RemoveAt(last);
        jobShapes.RemoveAt(last);
        return at == last ? -1 : last;
    }

    /// <summary>Adds a worker at the end; returns its position (also its <c>Id</c> in <see cref="Workers"/>).</summary>
    public int AddWorker(WorkerProfile worker)
    {
        var at = workers.Count;
        workers.Add(worker with { Id = at });
        workerTraits.Add(traits.Add(worker));
        PostWorker(at);
        return at;
    }

    public void ReplaceWorker(int at, WorkerProfile worker)
    {
        UnpostWorker(at);
        workers[at] = worker with { Id = at };
        workerTraits[at] = traits.Add(worker);
        PostWorker(at);
    }

    /// <summary>Removes the worker at <paramref name="at"/>; the last worker moves into its place. Returns the moved worker's old position, or -1.</summary>
    public int RemoveWorker(int at)
    {
        UnpostWorker(at);
        var last = workers.Count - 1;
        if (at != last)
        {
            var moved = workers[last];
            workersBySkill.Rename(moved, last, at);

            workers[at] = moved with { Id = at };
            workerTraits[at] = workerTraits[last];
        }

        workers.RemoveAt(last);
        workerTraits.RemoveAt(last);
        return at == last ? -1 : last;
    }

    private void PostJob(int at)
    {
        foreach (var skill in jobs[at].EssentialSkills.Distinct())
        {
            essentialJobs.Add(skill, at, 1f);
        }

        foreach (var skill in jobs[at].OptionalSkills.Distinct())
        {
            optionalJobs.Add(skill, at, 1f);
        }
    }

    private void UnpostJob(int at)
    {
        foreach (var skill in jobs[at].EssentialSkills.Distinct())
        {
            essentialJobs.Remove(skill, at);
        }

        foreach (var skill in jobs[at].OptionalSkills.Distinct())
        {
            optionalJobs.Remove(skill, at);
        }
    }

    private void PostWorker(int at) => workersBySkill.Post(workers[at], at);

    private void UnpostWorker(int at) => workersBySkill.Unpost(workers[at], at);

    private static void Accumulate(Scratch s, ReadOnlySpan<int> items, float value, bool direct, float strength, bool essential)
    {
        foreach (var j in items)
        {
            ref var sum = ref s.Touch(j);
            sum.Add(value, essential);
            if (direct)
            {
                sum.Strength += strength;
                sum.Direct++;
            }
        }
    }

    /// <summary>
    /// The best score an item can have given its sums (essential, optional, strength): those three factors exactly,
    /// every other factor at its best. An item whose bound cannot beat the current k-th result is skipped without
    /// reading its traits. Exact: it never drops a result.
    /// </summary>
    private double UpperBound(in Sum sum, int essentialCount, int optionalCount) =>
        FactorTraits.SkillPart(weights.Weights, sum.Essential, essentialCount, sum.Optional, optionalCount, sum.Strength, sum.Direct) + otherFactorsBound;

    private static double OtherFactorsBound(ScoringWeights weights)
    {
        var bound = 0.0;
        for (var i = (int)MatchFactor.Hours; i < ScoringWeights.FactorCount; i++)
        {
            bound += Math.Max(0, weights.Weights[i]);
        }

        return bound;
    }

    /// <summary>How many skills a job lists as essential and as optional (what its factors divide by), apart from the rest of the job so the bound reads a small array.</summary>
    private readonly record struct JobShape(int Essential, int Optional)
    {
        public static JobShape Of(JobProfile job) => new(job.EssentialSkills.Length, job.OptionalSkills.Length);
    }

    /// <summary>What a query adds up for one item (16 bytes): a posting entry touches one cache line.</summary>
    private struct Sum
    {
        public float Essential;
        public float Optional;
        public float Strength;
        public int Direct;

        public void Add(float credit, bool essential)
        {
            if (essential)
            {
                Essential += credit;
            }
            else
            {
                Optional += credit;
            }
        }
    }

    /// <summary>
    /// Per-thread accumulators, sized to the larger side, with a bit per item that a query touched. Touching sets the
    /// bit without asking whether it was set (no branch to mispredict in a posting walk), and the touched items are
    /// read back in position order, so the sums and traits are read front to back rather than in walk order (100,000
    /// workers' sums do not fit a core's cache; read at random, each costs a trip to memory). <see cref="End"/>, which
    /// both queries call in a <c>finally</c>, zeroes just the touched sums, so <see cref="Begin"/> finds them clear.
    /// </summary>
    private sealed class Scratch
    {
        private ulong[] marks = [];

        public Sum[] Sums { get; private set; } = [];

        public DenseCredits Credits { get; } = new();

        public Touched Items => new(marks);

        public void Begin(int size)
        {
            if (Sums.Length < size)
            {
                Sums = new Sum[size];
                marks = new ulong[(size + 63) / 64];
            }
        }

        public ref Sum Touch(int i)
        {
            marks[i >> 6] |= 1UL << i;
            return ref Sums[i];
        }

        public void End()
        {
            foreach (var i in Items)
            {
                Sums[i] = default;
            }

            Array.Clear(marks);
        }
    }

    /// <summary>The positions whose bit is set, in order.</summary>
    private readonly ref struct Touched(ReadOnlySpan<ulong> marks)
    {
        private readonly ReadOnlySpan<ulong> marks = marks;

        public Enumerator GetEnumerator() => new(marks);

        public ref struct Enumerator(ReadOnlySpan<ulong> marks)
        {
            private readonly ReadOnlySpan<ulong> marks = marks;
            private int word = -1;
            private ulong bits;

            public int Current { get; private set; }

            public bool MoveNext()
            {
                while (bits == 0)
                {
                    if (++word >= marks.Length)
                    {
                        return false;
                    }

                    bits = marks[word];
                }

                Current = (word << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                return true;
            }
        }
    }
}
