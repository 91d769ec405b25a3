namespace Llo.Inventory.Domain.Overlaps;

/// <summary>
/// How many project texts hold each term, so a rare term ("zorgcampus") weighs more than a common one ("regio").
/// Kept current as projects are added, changed and archived; not thread-safe (its owner locks).
/// </summary>
public sealed class TermStatistics
{
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);

    public int Documents { get; private set; }

    /// <summary>The last <see cref="Version"/> of any instance: versions are unique across instances too.</summary>
    private static long s_lastVersion;

    /// <summary>
    /// Changes with every added or removed text, so weights computed from these statistics can be cached; never the
    /// version of another instance, so a value cached under statistics that were replaced is not taken for current.
    /// </summary>
    public long Version { get; private set; } = Interlocked.Increment(ref s_lastVersion);

    public void Add(AnalysedText text)
    {
        Documents++;
        Version = Interlocked.Increment(ref s_lastVersion);
        foreach (var term in text.Terms.Keys)
        {
            _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
        }
    }

    public void Remove(AnalysedText text)
    {
        Documents--;
        Version = Interlocked.Increment(ref s_lastVersion);
        foreach (var term in text.Terms.Keys)
        {
            var count = _documentFrequency.GetValueOrDefault(term) - 1;
            if (count <= 0)
            {
                _documentFrequency.Remove(term);
            }
            else
            {
                _documentFrequency[term] = count;
            }
        }
    }

    public int DocumentFrequency(string term) => _documentFrequency.GetValueOrDefault(term);

    /// <summary>
    /// BM25's inverse document frequency: always positive, near 0 for a term every text has. A term no project uses
    /// counts as one used once: it cannot be compared, so it should not outweigh the draft's rare but shared terms.
    /// </summary>
    public double Idf(string term)
    {
        var df = Math.Max(1, _documentFrequency.GetValueOrDefault(term));
        return Math.Log(1 + (Documents - df + 0.5) / (df + 0.5));
    }
}
