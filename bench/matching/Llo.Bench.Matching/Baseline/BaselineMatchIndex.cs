// Frozen copy of the engine as of main 185c59e (before the match-speed work), the baseline the benchmark runs next to
// the current engine, as bench/overlap keeps BaselineOverlapIndex. Do not improve it: its point is to stay the old one.
using Llo.Matching.Domain.Index;
using Llo.Matching.Domain.Scoring;

namespace Llo.Bench.Matching.Baseline;

/// <summary>
/// The in-memory matching index of a region: postings from skill to the jobs that require it (essential and
/// optional apart) and to the workers that have it. A query walks only the postings of the skills involved (and
/// their similar skills), accumulates the per-job sums the factor vector needs, and scores just the items reached:
/// the same arithmetic as <see cref="MatchScorer"/>, so the explanation of a result always agrees with its rank.
/// Only items sharing a skill or a similar skill are candidates. Immutable once built; queries may run in parallel.
/// </summary>
public sealed class BaselineMatchIndex
{
    private readonly SkillSimilarity similarity;
    private readonly ScoringWeights weights;
    private readonly BaselinePostings essentialJobs;
    private readonly BaselinePostings optionalJobs;
    private readonly BaselinePostings workersBySkill;

    [ThreadStatic]
    private static Scratch? scratch;

    public BaselineMatchIndex(int skillCount, SkillSimilarity similarity, ScoringWeights weights, IReadOnlyList<JobProfile> jobs, IReadOnlyList<WorkerProfile> workers)
    {
        this.similarity = similarity;
        this.weights = weights;
        Jobs = jobs;
        Workers = workers;
        essentialJobs = BaselinePostings.Build(skillCount, jobs.Count, j => jobs[j].EssentialSkills.Select(s => (s, 1f)));
        optionalJobs = BaselinePostings.Build(skillCount, jobs.Count, j => jobs[j].OptionalSkills.Select(s => (s, 1f)));
        workersBySkill = BaselinePostings.Build(skillCount, workers.Count, w => workers[w].Skills.Select(s => (s.SkillId, BaselineSkillCredits.Strength(s))));
    }

    public IReadOnlyList<JobProfile> Jobs { get; }

    public IReadOnlyList<WorkerProfile> Workers { get; }

    public long PostingEntries => essentialJobs.Entries + optionalJobs.Entries + workersBySkill.Entries;

    /// <summary>The best <paramref name="k"/> jobs for a worker (who need not be in the index).</summary>
    public List<ScoredItem> TopJobs(WorkerProfile worker, int k)
    {
        var top = new BaselineTopK(k);
        ReachJobs(worker, top, null);
        return top.Result();
    }

    /// <summary>Every job the worker reaches with its score (for region fit); order unspecified.</summary>
    public void ForEachReachedJob(WorkerProfile worker, Action<int, double> visit) => ReachJobs(worker, null, visit);

    private void ReachJobs(WorkerProfile worker, BaselineTopK? top, Action<int, double>? visit)
    {
        var s = scratch ??= new Scratch();
        s.Ensure(Jobs.Count);
        var credits = BaselineSkillCredits.For(worker, similarity);
        foreach (var (skill, credit) in credits.All)
        {
            Accumulate(s, essentialJobs.Items(skill), credit, essential: true);
            Accumulate(s, optionalJobs.Items(skill), credit, essential: false);
        }

        Span<double> factors = stackalloc double[ScoringWeights.FactorCount];
        foreach (var j in s.Touched)
        {
            var job = Jobs[j];
            if (top is not null && top.Excludes(UpperBound(s.Essential[j], job.EssentialSkills.Length, s.Optional[j], job.OptionalSkills.Length)))
            {
                continue;
            }

            MatchFactors.Compute(factors, s.Essential[j], job.EssentialSkills.Length, s.Optional[j], job.OptionalSkills.Length, s.Strength[j], s.Direct[j],
                worker, job.Hours, job.PhysicalLoad, job.MentalLoad, job.Sector, job.Municipality);
            var score = weights.Score(factors);
            top?.Offer(j, score);
            visit?.Invoke(j, score);
        }

        s.Reset();
    }

    /// <summary>The best <paramref name="k"/> workers for a job (which need not be in the index).</summary>
    public List<ScoredItem> TopCandidates(JobProfile job, int k)
    {
        var s = scratch ??= new Scratch();
        s.Ensure(Workers.Count);
        foreach (var (skills, essential) in new[] { (job.EssentialSkills, true), (job.OptionalSkills, false) })
        {
            foreach (var required in skills)
            {
                var round = ++s.Round;
                var holders = workersBySkill.Items(required);
                var strengths = workersBySkill.Values(required);
                for (var i = 0; i < holders.Length; i++)
                {
                    var w = holders[i];
                    s.Touch(w);
                    s.Stamp[w] = round;
                    s.Current[w] = 1f;
                    s.Add(w, 1f, essential);
                    s.Strength[w] += strengths[i];
                    s.Direct[w]++;
                }

                foreach (var (neighbour, sim) in similarity.Neighbours(required))
                {
                    var credit = BaselineSkillCredits.SimilarCredit * sim;
                    foreach (var w in workersBySkill.Items(neighbour))
                    {
                        s.Touch(w);
                        if (s.Stamp[w] != round)
                        {
                            s.Stamp[w] = round;
                            s.Current[w] = credit;
                            s.Add(w, credit, essential);
                        }
                        else if (s.Current[w] < credit)
                        {
                            s.Add(w, credit - s.Current[w], essential);
                            s.Current[w] = credit;
                        }
                    }
                }
            }
        }

        var top = new BaselineTopK(k);
        Span<double> factors = stackalloc double[ScoringWeights.FactorCount];
        foreach (var w in s.Touched)
        {
            if (top.Excludes(UpperBound(s.Essential[w], job.EssentialSkills.Length, s.Optional[w], job.OptionalSkills.Length)))
            {
                continue;
            }

            var worker = Workers[w];
            MatchFactors.Compute(factors, s.Essential[w], job.EssentialSkills.Length, s.Optional[w], job.OptionalSkills.Length, s.Strength[w], s.Direct[w],
                worker, job.Hours, job.PhysicalLoad, job.MentalLoad, job.Sector, job.Municipality);
            top.Offer(w, weights.Score(factors));
        }

        s.Reset();
        return top.Result();
    }

    /// <summary>Top-k jobs for every worker in the index, on <paramref name="parallelism"/> threads; returns how many results.</summary>
    public long RematchAll(int k, int parallelism, Action<int, List<ScoredItem>>? result = null)
    {
        long total = 0;
        Parallel.For(0, Workers.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, () => 0L, (w, _, local) =>
        {
            var top = TopJobs(Workers[w], k);
            result?.Invoke(w, top);
            return local + top.Count;
        }, local => Interlocked.Add(ref total, local));
        return total;
    }

    /// <summary>
    /// The best score an item can have given its skill sums, with every other factor at 1: an item whose bound cannot
    /// beat the current k-th result is skipped without computing its factors. Exact: it never drops a result.
    /// </summary>
    private double UpperBound(float essential, int essentialCount, float optional, int optionalCount)
    {
        var w = weights.Weights;
        var bound = w[(int)MatchFactor.EssentialSkills] * (essentialCount == 0 ? 1 : essential / essentialCount)
            + w[(int)MatchFactor.OptionalSkills] * (optionalCount == 0 ? 1 : optional / optionalCount);
        for (var i = (int)MatchFactor.SkillStrength; i < ScoringWeights.FactorCount; i++)
        {
            bound += Math.Max(0, w[i]);
        }

        return bound;
    }

    private static void Accumulate(Scratch s, ReadOnlySpan<int> jobs, BaselineSkillCredits.Credit credit, bool essential)
    {
        foreach (var j in jobs)
        {
            s.Touch(j);
            s.Add(j, credit.Value, essential);
            if (credit.Direct)
            {
                s.Strength[j] += credit.Strength;
                s.Direct[j]++;
            }
        }
    }

    /// <summary>Per-thread accumulators, sized to the larger side and cleared only where touched.</summary>
    private sealed class Scratch
    {
        public float[] Essential = [];
        public float[] Optional = [];
        public float[] Strength = [];
        public float[] Current = [];
        public int[] Direct = [];
        public int[] Stamp = [];
        public bool[] Seen = [];
        public readonly List<int> Touched = new(1 << 14);
        public int Round;

        public void Ensure(int size)
        {
            if (Essential.Length >= size)
            {
                return;
            }

            Essential = new float[size];
            Optional = new float[size];
            Strength = new float[size];
            Current = new float[size];
            Direct = new int[size];
            Stamp = new int[size];
            Seen = new bool[size];
            Round = 0;
        }

        public void Touch(int i)
        {
            if (!Seen[i])
            {
                Seen[i] = true;
                Touched.Add(i);
            }
        }

        public void Add(int i, float credit, bool essential)
        {
            if (essential)
            {
                Essential[i] += credit;
            }
            else
            {
                Optional[i] += credit;
            }
        }

        public void Reset()
        {
            foreach (var i in Touched)
            {
                Essential[i] = 0;
                Optional[i] = 0;
                Strength[i] = 0;
                Direct[i] = 0;
                Seen[i] = false;
            }

            Touched.Clear();
        }
    }
}
