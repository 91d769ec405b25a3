namespace Llo.Inventory.Tests.Overlaps.Benchmark;

/// <summary>
/// The baseline's inverted index (main at d6f0917): for each key, the ids of the projects that hold it.
/// </summary>
public sealed class BaselinePostings(StringComparer comparer)
{
    private readonly Dictionary<string, HashSet<Guid>> _projects = new(comparer);

    public void Add(Guid id, IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            if (!_projects.TryGetValue(key, out var ids))
            {
                ids = [];
                _projects[key] = ids;
            }

            ids.Add(id);
        }
    }

    public void Remove(Guid id, IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            if (_projects.TryGetValue(key, out var ids) && ids.Remove(id) && ids.Count == 0)
            {
                _projects.Remove(key);
            }
        }
    }

    public void Clear() => _projects.Clear();

    /// <summary>Every project that holds at least one of <paramref name="keys"/>, each once.</summary>
    public HashSet<Guid> Sharing(IEnumerable<string> keys)
    {
        var found = new HashSet<Guid>();
        foreach (var key in keys)
        {
            if (_projects.TryGetValue(key, out var ids))
            {
                found.UnionWith(ids);
            }
        }

        return found;
    }
}
