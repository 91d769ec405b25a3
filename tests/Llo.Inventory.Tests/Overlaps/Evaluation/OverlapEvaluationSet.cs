namespace Llo.Inventory.Tests.Overlaps.Evaluation;

/// <summary>The labelled drafts and the extra existing projects of the overlap evaluation (the .tsv files beside this one).</summary>
public static class OverlapEvaluationSet
{
    public sealed record CorpusProject(string Key, string Title, string Summary, string Description);

    public sealed record LabelledDraft(string Part, string? Twin, string Title, string Summary);

    /// <summary>The seeded projects by their evaluation key (ids from DemoProjects).</summary>
    public static readonly IReadOnlyDictionary<string, string> SeededKeys = new Dictionary<string, string>
    {
        ["lwa"] = "0a11d022-0000-4000-8000-000000000001",
        ["hrnetwerk"] = "0a11d022-0000-4000-8000-000000000002",
        ["kimatching"] = "0a11d022-0000-4000-8000-000000000003",
        ["campussen"] = "0a11d022-0000-4000-8000-000000000004",
        ["gaanvooreenbaan"] = "0a11d022-0000-4000-8000-000000000005",
        ["bovenregionaal"] = "0a11d022-0000-4000-8000-000000000006",
        ["inventarisatie"] = "0a11d022-0000-4000-8000-000000000007",
    };

    public static IReadOnlyList<CorpusProject> Corpus() =>
        Rows("corpus.tsv").Select(r => new CorpusProject(r[0], r[1], r[2], r[3])).ToList();

    public static IReadOnlyList<LabelledDraft> Drafts() =>
        Rows("drafts.tsv").Select(r => new LabelledDraft(r[0], r[1] == "-" ? null : r[1], r[2], r[3])).ToList();

    private static IEnumerable<string[]> Rows(string file) =>
        File.ReadLines(Path.Combine(Directory(), file))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'));

    private static string Directory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Llo.Inventory.Tests", "Overlaps", "Evaluation");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/Llo.Inventory.Tests/Overlaps/Evaluation not found above " + AppContext.BaseDirectory);
    }
}
