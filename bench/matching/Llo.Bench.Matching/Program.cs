using System.Diagnostics;
using Llo.Bench.Matching;
using Llo.Matching.Domain.Index;
using Llo.Matching.Domain.Scoring;
using Llo.Matching.Domain.Synthetic;
using Llo.Matching.Domain.Taxonomy;

// The matching benchmark (issue 9 §8): full ESCO, a synthetic region, the in-memory index against a Lucene.Net
// boolean skill query on the same profiles. Knobs are environment variables; see bench/README.md.
var workers = Knob("BENCH_WORKERS", 100_000);
var jobs = Knob("BENCH_JOBS", 20_000);
var tasksPerJob = Knob("BENCH_TASKS_PER_JOB", 10);
var queries = Knob("BENCH_QUERIES", 2_000);
var parallelism = Knob("BENCH_PARALLELISM", 2);
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
var beforeIndex = GC.GetTotalMemory(true);
sw.Restart();
var index = new MatchIndex(taxonomy.Skills.Count, similarity, ScoringWeights.Default, region.Jobs, region.Workers);
var taskIndex = new TaskIndex(taxonomy.Skills.Count, similarity, region.Tasks);
var buildMs = sw.ElapsedMilliseconds;
var indexBytes = GC.GetTotalMemory(true) - beforeIndex;
// The profiles themselves belong to the index's footprint: the index is useless without them.
var regionBytes = beforeIndex - taxonomyBytes - similarityBytes - baseline;
report.Line($"index built in {buildMs:N0} ms; postings {indexBytes / 1048576.0:F0} MiB + profiles {regionBytes / 1048576.0:F0} MiB (taxonomy and similarity apart)");

var random = new Random(11);
var sampleWorkers = Enumerable.Range(0, queries).Select(_ => region.Workers[random.Next(region.Workers.Count)]).ToList();
var sampleJobs = Enumerable.Range(0, Math.Max(1, queries / 4)).Select(_ => region.Jobs[random.Next(region.Jobs.Count)]).ToList();
foreach (var w in sampleWorkers.Take(200))
{
    index.TopJobs(w, 20);
}

foreach (var j in sampleJobs.Take(50))
{
    index.TopCandidates(j, 50);
}

var ours = new List<List<ScoredItem>>();
var jobTimes = Timing.Measure(sampleWorkers, w => ours.Add(index.TopJobs(w, 20)));
var candidateTimes = Timing.Measure(sampleJobs, j => index.TopCandidates(j, 50));
var taskTimes = Timing.Measure(sampleWorkers.Take(500).ToList(), w => taskIndex.TopTasks(w, 100));

sw.Restart();
var rematchCpu = Process.GetCurrentProcess().TotalProcessorTime;
var results = index.RematchAll(20, parallelism);
var rematchMs = sw.ElapsedMilliseconds;
var rematchCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - rematchCpu).TotalMilliseconds;

using var lucene = new LuceneBaseline(region);
foreach (var w in sampleWorkers.Take(200))
{
    lucene.TopJobs(w, 20);
}

var luceneJobs = new List<int[]>();
var luceneJobTimes = Timing.Measure(sampleWorkers, w => luceneJobs.Add(lucene.TopJobs(w, 20)));
var luceneCandidateTimes = Timing.Measure(sampleJobs, j => lucene.TopCandidates(j, 50));
var overlap = ours.Zip(luceneJobs).Average(p => p.First.Count == 0 ? 1.0 : (double)p.First.Select(r => r.Index).Intersect(p.Second).Count() / p.First.Count);

report.Line("");
report.Line("| measure | ours | goal | verdict | Lucene.Net boolean skill query | ratio (Lucene / ours) |");
report.Line("|---|---:|---:|---|---:|---:|");
report.Line($"| top-20 jobs for a person, p50 | {jobTimes.P50:F3} ms | ≤ 2 ms | {Verdict(jobTimes.P50 <= 2)} | {luceneJobTimes.P50:F3} ms | {luceneJobTimes.P50 / jobTimes.P50:F1}× |");
report.Line($"| top-20 jobs for a person, p99 | {jobTimes.P99:F3} ms | ≤ 10 ms | {Verdict(jobTimes.P99 <= 10)} | {luceneJobTimes.P99:F3} ms | {luceneJobTimes.P99 / jobTimes.P99:F1}× |");
report.Line($"| top-50 candidates for a job, p50 | {candidateTimes.P50:F3} ms | ≤ 5 ms | {Verdict(candidateTimes.P50 <= 5)} | {luceneCandidateTimes.P50:F3} ms | {luceneCandidateTimes.P50 / candidateTimes.P50:F1}× |");
report.Line($"| top-50 candidates for a job, p99 | {candidateTimes.P99:F3} ms | (≤ 5 ms) | {Verdict(candidateTimes.P99 <= 5)} | {luceneCandidateTimes.P99:F3} ms | {luceneCandidateTimes.P99 / candidateTimes.P99:F1}× |");
report.Line($"| top-100 tasks for carving, p50 / p99 | {taskTimes.P50:F3} / {taskTimes.P99:F3} ms | – | – | – | – |");
report.Line($"| full re-match ({workers:N0} × top-20 of {jobs:N0}) on {parallelism} threads | {rematchMs / 1000.0:F1} s ({rematchCpuMs / 1000.0:F1} s CPU) | ≤ 60 s | {Verdict(rematchMs <= 60_000)} | – | – |");
report.Line($"| index (postings + profiles) | {(indexBytes + regionBytes) / 1048576.0:F0} MiB | ≤ 1024 MiB | {Verdict(indexBytes + regionBytes <= 1L << 30)} | – | – |");
report.Line($"| top-20 overlap with Lucene | {overlap:P0} | – | – | – | – |");
report.Line("");
report.Line($"{results:N0} results in the re-match; load average at end: {Load()}");
report.Save(Path.Combine(root, "bench", "results", "matching.md"));

static int Knob(string name, int fallback) => int.TryParse(Environment.GetEnvironmentVariable(name), out var v) ? v : fallback;
static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
static string Verdict(bool pass) => pass ? "PASS" : "FAIL";
