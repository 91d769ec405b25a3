namespace Llo.Inventory.Api.Overlaps;

/// <summary>
/// An inverted index: for each key (an analysed term or concept, a sector, ...), the slots of the projects that hold it
/// in <see cref="OverlapIndex"/>, each with the weight the project gives the key. Kept current with the entries of the
/// index, under its lock (not thread-safe on its own).
/// </summary>
public sealed class Postings(StringComparer comparer)
{
    private readonly Dictionary<string, List<Posting>> _projects = new(comparer);

    /// <summary>A project's slot and the weight it gives the key (its term's weight; 1 for a field).</summary>
    public readonly record struct Posting(int Slot, double Weight);

    public void Add(int slot, IEnumerable<KeyValuePair<string, double>> keys)
    {
        foreach (var (key, weight) in keys)
        {
            if (!_projects.TryGetValue(key, out var postings))
            {
                postings = [];
                _projects[key] = postings;
            }

            postings.Add(new Posting(slot, weight));
        }
    }

    /// <summary>Removes the slot's postings; the order within a key's list does not matter, so the last one takes its place.</summary>
    public void Remove(int slot, IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            if (!_projects.TryGetValue(key, out var postings))
            {
                continue;
            }

            var at = postings.FindIndex(p => p.Slot == slot);
            if (at < 0)
            {
                continue;
            }

            postings[at] = postings[^1];
            postings.RemoveAt(postings.Count - 1);
            if (postings.Count == 0)
            {
                _projects.Remove(key);
            }
        }
    }

    public void Clear() => _projects.Clear();

    /// <summary>The projects that hold <paramref name="key"/> (empty when none does).</summary>
    public ReadOnlySpan<Posting> Of(string key) =>
        _projects.TryGetValue(key, out var postings) ? System.Runtime.InteropServices.CollectionsMarshal.AsSpan(postings) : [];
}
