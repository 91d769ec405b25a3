namespace Llo.Matching.Domain.Taxonomy;

/// <summary>
/// Finds the ESCO CSV directory as DESIGN.md §7 says: <c>LLO_ESCO_DIR</c>, then <c>./data/esco</c>, then
/// <c>../shared/data/esco-v1.1.1</c> (relative to the given base, the repository root or the working directory).
/// A directory counts when it holds <c>skills_en.csv</c>, either at its top (the official download unpacked) or in <c>en/</c>.
/// </summary>
public static class EscoDirectory
{
    public const string EnvironmentVariable = "LLO_ESCO_DIR";

    public static string? Find(string baseDirectory)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            // An explicit choice is final: a wrong path must not silently fall through to another ESCO copy.
            return IsEsco(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : null;
        }

        foreach (var candidate in new[] { Path.Combine(baseDirectory, "data", "esco"), Path.Combine(baseDirectory, "..", "shared", "data", "esco-v1.1.1") })
        {
            if (IsEsco(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }

    /// <summary>The repository root above <paramref name="start"/> (the folder holding Llo.sln), or <paramref name="start"/> itself.</summary>
    public static string RepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Llo.sln")))
            {
                return dir.FullName;
            }
        }

        return start;
    }

    public static bool IsEsco(string directory) => Locate(directory, "skills_en.csv") is not null;

    /// <summary>A file of the set, at the top or in the en/, nl/ or relations/ folder; null when absent.</summary>
    public static string? Locate(string directory, string fileName)
    {
        foreach (var sub in new[] { "", "en", "nl", "relations" })
        {
            var path = Path.Combine(directory, sub, fileName);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    /// <summary>The crosswalk folder: next to the ESCO folder (<c>../crosswalks</c>) or inside it.</summary>
    public static string? Crosswalks(string escoDirectory)
    {
        foreach (var candidate in new[] { Path.Combine(escoDirectory, "crosswalks"), Path.Combine(escoDirectory, "..", "crosswalks") })
        {
            if (Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }
}
