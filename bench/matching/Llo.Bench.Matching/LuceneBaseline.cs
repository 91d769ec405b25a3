using Llo.Matching.Domain.Scoring;
using Llo.Matching.Domain.Synthetic;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Llo.Bench.Matching;

/// <summary>
/// What a user would otherwise pick: a Lucene.Net index of the same profiles (one document per job and per worker,
/// a keyword field per skill) queried with a boolean OR of the other side's skills, scored by Lucene's default
/// TF-IDF. Segments are merged into one with an order-keeping policy, so a document number is the profile's index.
/// </summary>
internal sealed class LuceneBaseline : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "llo-bench-matching-" + Guid.NewGuid().ToString("N"));
    private readonly FSDirectory jobsDirectory;
    private readonly FSDirectory workersDirectory;
    private readonly DirectoryReader jobsReader;
    private readonly DirectoryReader workersReader;
    private readonly IndexSearcher jobs;
    private readonly IndexSearcher workers;

    public LuceneBaseline(SyntheticRegion region)
    {
        jobsDirectory = FSDirectory.Open(new DirectoryInfo(Path.Combine(path, "jobs")));
        workersDirectory = FSDirectory.Open(new DirectoryInfo(Path.Combine(path, "workers")));
        Write(jobsDirectory, region.Jobs.Select(j => j.EssentialSkills.Concat(j.OptionalSkills)));
        Write(workersDirectory, region.Workers.Select(w => w.Skills.Select(s => s.SkillId)));
        jobsReader = DirectoryReader.Open(jobsDirectory);
        workersReader = DirectoryReader.Open(workersDirectory);
        jobs = new IndexSearcher(jobsReader);
        workers = new IndexSearcher(workersReader);
    }

    public int[] TopJobs(WorkerProfile worker, int k) => Search(jobs, worker.Skills.Select(s => s.SkillId), k);

    public int[] TopCandidates(JobProfile job, int k) => Search(workers, job.EssentialSkills.Concat(job.OptionalSkills), k);

    private static int[] Search(IndexSearcher searcher, IEnumerable<int> skills, int k)
    {
        var query = new BooleanQuery();
        foreach (var s in skills)
        {
            query.Add(new TermQuery(new Term("skill", s.ToString(System.Globalization.CultureInfo.InvariantCulture))), Occur.SHOULD);
        }

        return searcher.Search(query, k).ScoreDocs.Select(d => d.Doc).ToArray();
    }

    private static void Write(FSDirectory directory, IEnumerable<IEnumerable<int>> documents)
    {
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new KeywordAnalyzer())
        {
            OpenMode = OpenMode.CREATE,
            MergePolicy = new LogByteSizeMergePolicy(),
            RAMBufferSizeMB = 256,
        };
        using var writer = new IndexWriter(directory, config);
        foreach (var skills in documents)
        {
            var document = new Document();
            foreach (var s in skills)
            {
                document.Add(new StringField("skill", s.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.NO));
            }

            writer.AddDocument(document);
        }

        writer.ForceMerge(1);
        writer.Commit();
    }

    public void Dispose()
    {
        jobsReader.Dispose();
        workersReader.Dispose();
        jobsDirectory.Dispose();
        workersDirectory.Dispose();
        System.IO.Directory.Delete(path, recursive: true);
    }
}
