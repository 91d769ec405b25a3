namespace Llo.Inventory.Domain.Overlaps;

/// <summary>
/// Names that mean the same concept ("verzorgende", "zorgmedewerker"; "LWA", "leerwerkakkoord"), keyed by their
/// normalised word stems so a phrase in running text finds its concept. Built from groups of labels: ESCO's
/// preferred and alternative labels of one occupation or skill, and the curated list of the plan's own names.
/// </summary>
public sealed class SynonymLexicon
{
    public const int MaxPhraseWords = 4;

    private readonly Dictionary<string, int[]> _conceptsByPhrase = new(StringComparer.Ordinal);
    private readonly List<string> _conceptNames = [];

    public static SynonymLexicon Empty { get; } = new();

    public int ConceptCount => _conceptNames.Count;

    public int PhraseCount => _conceptsByPhrase.Count;

    /// <summary>Adds one concept named by <paramref name="labels"/> (the first is its display name).</summary>
    /// <param name="normalise">Turns a label into its stem key (the analyser's normalisation), or null to skip it.</param>
    public void AddConcept(IReadOnlyList<string> labels, Func<string, string?> normalise)
    {
        var keys = labels.Select(normalise).OfType<string>().Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count < 2)
        {
            return; // a concept with one name adds nothing a plain word does not already match
        }

        var id = _conceptNames.Count;
        _conceptNames.Add(labels[0]);
        foreach (var key in keys)
        {
            _conceptsByPhrase[key] = _conceptsByPhrase.TryGetValue(key, out var existing)
                ? existing.Contains(id) ? existing : [.. existing, id]
                : [id];
        }
    }

    public IReadOnlyList<int> Concepts(string phraseKey) =>
        _conceptsByPhrase.TryGetValue(phraseKey, out var ids) ? ids : [];

    public string ConceptName(int id) => _conceptNames[id];
}
