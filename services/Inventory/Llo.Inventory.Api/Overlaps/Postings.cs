namespace Llo.Inventory.Api.Overlaps;

/// <summary>
/// An inverted index: for each key (an analysed term or concept, a sector, ...), the projects that hold it. Kept
/// current with the entries of <see cref="OverlapIndex"/>, under its lock (not thread-safe on its own).
/// </summary>
public sealed class Postings(StringComparer comparer)
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
