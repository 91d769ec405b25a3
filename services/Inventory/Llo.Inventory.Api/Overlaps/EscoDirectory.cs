namespace Llo.Inventory.Api.Overlaps;

/// <summary>
/// Where the ESCO classification is (DESIGN.md §7): <c>LLO_ESCO_DIR</c> when set (then only there, so an operator can
/// also switch ESCO off by pointing it at an empty path), else <c>./data/esco</c> or <c>../shared/data/esco-v1.1.1</c>
/// relative to the repository. Null when none is there: the overlap check then works without ESCO's synonyms.
/// </summary>
public static class EscoDirectory
{
    public static string? Find(string? configured)
    {
        if (configured is not null)
        {
            return configured.Length > 0 && Directory.Exists(Path.Combine(configured, "nl")) ? configured : null;
        }

        foreach (var root in RepositoryRoots())
        {
            foreach (var candidate in new[] { Path.Combine(root, "data", "esco"), Path.Combine(root, "..", "shared", "data", "esco-v1.1.1") })
            {
                if (Directory.Exists(Path.Combine(candidate, "nl")))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        return null;
    }

    /// <summary>The repository holding the running code (the directory with Llo.sln above the working or base directory).</summary>
    private static IEnumerable<string> RepositoryRoots()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Llo.sln")))
                {
                    yield return dir.FullName;
                    break;
                }
            }
        }
    }
}
