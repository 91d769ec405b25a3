using System.Diagnostics;
using Llo.Bench.Matching;
using Llo.Bench.Matching.Baseline;
using Llo.Matching.Domain.Index;
using Llo.Matching.Domain.Scoring;
using Llo.Matching.Domain.Synthetic;
using Llo.Matching.Domain.Taxonomy;

// The matching benchmark (issue 9 §8): full ESCO, a synthetic region, the in-memory index next to the previous
// engine (a frozen copy) and a Lucene.Net boolean skill query on the same profiles. The two engines run in turns on
// the same queries, so a busy machine slows both alike. Knobs are environment variables; see bench/README.md.
var workers = Knob("BENCH_WORKERS", 100_000);
var jobs = Knob("BENCH_JOBS", 20_000);
var tasksPerJob = Knob("BENCH_TASKS_PER_JOB", 10);
var queries = Knob("BENCH_QUERIES", 2_000);
var parallelism = Knob("BENCH_PARALLELISM", 2);
var rounds = Knob("BENCH_ROUNDS", 4);
var baselineRematch = Knob("BENCH_BASELINE_REMATCH", 1) != 0;
var report = new Report();
report.Line($"# Matching benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
report.Line($"load average at start: {Load()}; {Environment.ProcessorCount} cores; {workers:N0} workers, {jobs:N0} jobs, {jobs * tasksPerJob:N0} tasks");

var root = EscoDirectory.RepositoryRoot(Directory.GetCurrentDirectory());
var escoDir = EscoDirectory.Find(root) ?? throw new InvalidOperationException("ESCO not found (LLO_ESCO_DIR, ./data/esco, ../shared/data/esco-v1.1.1).");
var baseline = GC.GetTotalMemory(true);
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
var sw = Stopwatch.StartNew();
var taxonomy = EscoImporter.Load(escoDir);
var loadMs = sw.ElapsedMilliseconds;
var loadCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
var taxonomyBytes = GC.GetTotalMemory(true) - baseline;
report.Line($"ESCO load: {loadMs:N0} ms wall, {loadCpu:N0} ms CPU, {taxonomyBytes / 1048576.0:F0} MiB managed heap ({taxonomy.Skills.Count:N0} skills, {taxonomy.Occupations.Count:N0} occupations)");

sw.Restart();
var similarity = SkillSimilarity.Learn(taxonomy);
var similarityBytes = GC.GetTotalMemory(true) - baseline - taxonomyBytes;
report.Line($"skill similarity learned in {sw.ElapsedMilliseconds:N0} ms ({similarityBytes / 1048576.0:F0} MiB)");

var region = SyntheticRegion.Generate(taxonomy, workers, jobs, tasksPerJob);
// The profiles belong to the index's footprint (the index is useless without them); the new index keeps its own
// lists of them, counted with its postings.
var regionBytes = GC.GetTotalMemory(true) - taxonomyBytes - similarityBytes - baseline;

var (old, oldBuildMs, oldBytes) = Build(() => new BaselineMatchIndex(taxonomy.Skills.Count, similarity, ScoringWeights.Default, region.Jobs, region.Workers));
var (index, buildMs, indexBytes) = Build(() => new MatchIndex(taxonomy.Skills.Count, similarity, ScoringWeights.Default, region.Jobs, region.Workers));
var (taskIndex, taskBuildMs, taskBytes) = Build(() => new TaskIndex(taxonomy.Skills.Count, similarity, region.Tasks));
report.Line($"profiles {regionBytes / 1048576.0:F0} MiB; baseline index built in {oldBuildMs:N0} ms ({oldBytes / 1048576.0:F0} MiB); "
    + $"new index in {buildMs:N0} ms ({indexBytes / 1048576.0:F0} MiB), task index in {taskBuildMs:N0} ms ({taskBytes / 1048576.0:F0} MiB)");

var random = new Random(11);
var sampleWorkers = Enumerable.Range(0, queries).Select(_ => region.Workers[random.Next(region.Workers.Count)]).ToList();
var sampleJobs = Enumerable.Range(0, Math.Max(1, queries / 4)).Select(_ => region.Jobs[random.Next(region.Jobs.Count)]).ToList();

// Same answers: every sampled query, new against baseline (same items in the same order, scores within float
// rounding: the baseline summed credits in another order than the scorer; the new index sums as the scorer does).
var jobsNew = sampleWorkers.Select(w => index.TopJobs(w, 20)).ToList();
var jobsOld = sampleWorkers.Select(w => old.TopJobs(w, 20)).ToList();
var candidatesNew = sampleJobs.Select(j => index.TopCandidates(j, 50)).ToList();
var candidatesOld = sampleJobs.Select(j => old.TopCandidates(j, 50)).ToList();
var (sameJobs, jobsDiff) = Compare(jobsNew, jobsOld);
var (sameCandidates, candidatesDiff) = Compare(candidatesNew, candidatesOld);
report.Line($"same answers as the baseline: top-20 jobs {sameJobs}/{jobsNew.Count} lists, top-50 candidates {sameCandidates}/{candidatesNew.Count} lists; "
    + $"largest score difference {Math.Max(jobsDiff, candidatesDiff):E1}");

// Timed in turns: a block of queries on the baseline, the same block on the new engine, and so on; each block back to
// back (wall clock and the thread's CPU time) and again with a pause before each query (see Samples).
var (oldJobs, newJobs, oldCandidates, newCandidates) = (new Samples(), new Samples(), new Samples(), new Samples());
for (var r = 0; r < rounds; r++)
{
    var workerBlock = Block(sampleWorkers, r, rounds);
    var jobBlock = Block(sampleJobs, r, rounds);
    oldJobs.Run(workerBlock, w => old.TopJobs(w, 20));
    newJobs.Run(workerBlock, w => index.TopJobs(w, 20));
    oldCandidates.Run(jobBlock, j => old.TopCandidates(j, 50));
    newCandidates.Run(jobBlock, j => index.TopCandidates(j, 50));
}

var taskTimes = Timing.Measure(sampleWorkers.Take(500).ToList(), w => taskIndex.TopTasks(w, 100));

var (newRematchMs, newRematchCpu) = Rematch(() => index.RematchAll(20, parallelism));
var (oldRematchMs, oldRematchCpu) = baselineRematch ? Rematch(() => old.RematchAll(20, parallelism)) : (double.NaN, double.NaN);

// A write: one worker changed and one job added, on a fork, against building the whole index again.
var edits = Timing.Measure(sampleWorkers.Take(200).ToList(), w =>
{
    var fork = index.Fork();
    fork.ReplaceWorker(w.Id, w);
    fork.AddJob(region.Jobs[w.Id % region.Jobs.Count]);
});

using var lucene = new LuceneBaseline(region);
foreach (var w in sampleWorkers.Take(200))
{
    lucene.TopJobs(w, 20);
}

var luceneJobs = new List<int[]>();
var luceneJobTimes = Timing.Measure(sampleWorkers, w => luceneJobs.Add(lucene.TopJobs(w, 20)));
var luceneCandidateTimes = Timing.Measure(sampleJobs, j => lucene.TopCandidates(j, 50));
var overlap = jobsNew.Zip(luceneJobs).Average(p => p.First.Count == 0 ? 1.0 : (double)p.First.Select(r => r.Index).Intersect(p.Second).Count() / p.First.Count);

report.Line("");
report.Line("| measure | new | goal | verdict | baseline (previous engine) | baseline / new | Lucene.Net boolean skill query | Lucene / new |");
report.Line("|---|---:|---:|---|---:|---:|---:|---:|");
report.Line(Row("top-20 jobs for a person, p50", newJobs.Wall.P50, "≤ 2 ms", 2, oldJobs.Wall.P50, luceneJobTimes.P50));
report.Line(Row("top-20 jobs for a person, p99", newJobs.Wall.P99, "≤ 10 ms", 10, oldJobs.Wall.P99, luceneJobTimes.P99));
report.Line(Row($"top-20 jobs, p99 with {Samples.PauseMs} ms between queries", newJobs.Paced.P99, "≤ 10 ms", 10, oldJobs.Paced.P99, null));
report.Line(Row("top-20 jobs, CPU time per query p50", newJobs.Cpu.P50, "–", null, oldJobs.Cpu.P50, null));
report.Line(Row("top-20 jobs, CPU time per query p99", newJobs.Cpu.P99, "–", null, oldJobs.Cpu.P99, null));
report.Line(Row("top-50 candidates for a job, p50", newCandidates.Wall.P50, "≤ 5 ms", 5, oldCandidates.Wall.P50, luceneCandidateTimes.P50));
report.Line(Row("top-50 candidates for a job, p99", newCandidates.Wall.P99, "(≤ 5 ms)", 5, oldCandidates.Wall.P99, luceneCandidateTimes.P99));
report.Line(Row($"top-50 candidates, p99 with {Samples.PauseMs} ms between queries", newCandidates.Paced.P99, "(≤ 5 ms)", 5, oldCandidates.Paced.P99, null));
report.Line(Row("top-50 candidates, CPU time per query p50", newCandidates.Cpu.P50, "–", null, oldCandidates.Cpu.P50, null));
report.Line(Row("top-50 candidates, CPU time per query p99", newCandidates.Cpu.P99, "–", null, oldCandidates.Cpu.P99, null));
report.Line($"| top-100 tasks for carving, p50 / p99 | {taskTimes.P50:F3} / {taskTimes.P99:F3} ms | – | – | – | – | – | – |");
report.Line($"| full re-match ({workers:N0} × top-20 of {jobs:N0}) on {parallelism} threads, wall (CPU) | {newRematchMs / 1000.0:F1} s ({newRematchCpu / 1000.0:F1} s) | ≤ 60 s | {Verdict(newRematchMs <= 60_000)} | {oldRematchMs / 1000.0:F1} s ({oldRematchCpu / 1000.0:F1} s) | {oldRematchCpu / newRematchCpu:F1}× CPU | – | – |");
report.Line($"| one write (a worker changed, a job added), p50 / p99 | {edits.P50:F3} / {edits.P99:F3} ms | – | – | rebuild: {buildMs:N0} ms | – | – | – |");
report.Line($"| index (postings + profiles) | {(indexBytes + regionBytes) / 1048576.0:F0} MiB | ≤ 1024 MiB | {Verdict(indexBytes + regionBytes <= 1L << 30)} | {(oldBytes + regionBytes) / 1048576.0:F0} MiB | – | – | – |");
report.Line($"| top-20 overlap with Lucene | {overlap:P0} | – | – | – | – | – | – |");
report.Line("");
report.Line($"load average at end: {Load()}");
report.Save(Path.Combine(root, "bench", "results", "matching.md"));
GC.KeepAlive(old);

static int Knob(string name, int fallback) => int.TryParse(Environment.GetEnvironmentVariable(name), out var v) ? v : fallback;
static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
static string Verdict(bool pass) => pass ? "PASS" : "FAIL";

// One timing row: the new engine against its goal, the baseline and (when measured the same way) Lucene.
static string Row(string measure, double ours, string goal, double? limit, double baseline, double? lucene) =>
    $"| {measure} | {ours:F3} ms | {goal} | {(limit is { } l ? Verdict(ours <= l) : "–")} | {baseline:F3} ms | {baseline / ours:F1}× | "
    + (lucene is { } luc ? $"{luc:F3} ms | {luc / ours:F2}× |" : "– | – |");
static List<T> Block<T>(List<T> all, int r, int rounds) => all.Skip(all.Count * r / rounds).Take(all.Count * (r + 1) / rounds - all.Count * r / rounds).ToList();

static (T Built, long Ms, long Bytes) Build<T>(Func<T> build)
{
    var before = GC.GetTotalMemory(true);
    var sw = Stopwatch.StartNew();
    var built = build();
    var ms = sw.ElapsedMilliseconds;
    return (built, ms, GC.GetTotalMemory(true) - before);
}

static (double Ms, double CpuMs) Rematch(Func<long> run)
{
    var process = Process.GetCurrentProcess();
    var cpu = process.TotalProcessorTime;
    var sw = Stopwatch.StartNew();
    run();
    var ms = sw.Elapsed.TotalMilliseconds;
    process.Refresh();
    return (ms, (process.TotalProcessorTime - cpu).TotalMilliseconds);
}

static (int Same, double LargestDifference) Compare(List<List<ScoredItem>> ours, List<List<ScoredItem>> theirs)
{
    var same = 0;
    var largest = 0.0;
    foreach (var (a, b) in ours.Zip(theirs))
    {
        var equal = a.Count == b.Count;
        for (var i = 0; equal && i < a.Count; i++)
        {
            largest = Math.Max(largest, Math.Abs(a[i].Score - b[i].Score));
            equal = a[i].Index == b[i].Index && Math.Abs(a[i].Score - b[i].Score) <= 1e-6;
        }

        same += equal ? 1 : 0;
    }

    return (same, largest);
}
