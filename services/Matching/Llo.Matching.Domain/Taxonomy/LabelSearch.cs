using Llo.Matching.Domain.Text;

namespace Llo.Matching.Domain.Taxonomy;

/// <summary>
/// Autocomplete over Dutch and English labels (preferred and alternative, and for occupations the UWV names):
/// every query word must start a word of the label ("vei nal" finds "veiligheidsvoorschriften naleven"); when that
/// finds too little, words within one typo (two for long words) count too ("heftruk" finds "heftruck").
/// Case and diacritics do not matter. Built once per taxonomy; searching allocates only the result.
/// </summary>
public sealed class LabelSearch
{
    private readonly Entry[] entries;
    private readonly string[] vocabulary;
    private readonly int[][] postings;

    private LabelSearch(List<Entry> entries)
    {
        this.entries = entries.ToArray();
        var words = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < this.entries.Length; i++)
        {
            foreach (var word in this.entries[i].Words)
            {
                var list = words.TryGetValue(word, out var l) ? l : words[word] = [];
                if (list.Count == 0 || list[^1] != i)
                {
                    list.Add(i);
                }
            }
        }

        vocabulary = words.Keys.Order(StringComparer.Ordinal).ToArray();
        postings = vocabulary.Select(w => words[w].ToArray()).ToArray();
    }

    public static LabelSearch ForSkills(SkillTaxonomy taxonomy)
    {
        var entries = new List<Entry>();
        foreach (var s in taxonomy.Skills)
        {
            AddLabels(entries, s.Id, s.LabelNl, s.LabelEn, s.AltLabelsNl, s.AltLabelsEn, []);
        }

        return new LabelSearch(entries);
    }

    public static LabelSearch ForOccupations(SkillTaxonomy taxonomy)
    {
        var entries = new List<Entry>();
        foreach (var o in taxonomy.Occupations)
        {
            AddLabels(entries, o.Id, o.LabelNl, o.LabelEn, o.AltLabelsNl, o.AltLabelsEn, o.UwvLabels);
        }

        return new LabelSearch(entries);
    }

    /// <summary>The best concepts for <paramref name="query"/>, one hit per concept, best first.</summary>
    public IReadOnlyList<LabelHit> Search(string query, int limit = 10)
    {
        var words = Tokenise(Folding.Fold(query ?? ""));
        if (words.Length == 0 || limit <= 0)
        {
            return [];
        }

        var best = new Dictionary<int, LabelHit>();
        Collect(words, fuzzy: false, best);
        if (best.Count < limit)
        {
            Collect(words, fuzzy: true, best);
        }

        return best.Values
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.MatchedLabel.Length)
            .ThenBy(h => h.ConceptId)
            .Take(limit)
            .ToList();
    }

    private void Collect(string[] queryWords, bool fuzzy, Dictionary<int, LabelHit> best)
    {
        // Per query word, the vocabulary words it stands for; start from the rarest to keep the candidate set small.
        var matches = new List<(int Word, int Distance)>[queryWords.Length];
        for (var q = 0; q < queryWords.Length; q++)
        {
            matches[q] = fuzzy ? FuzzyWords(queryWords[q]) : PrefixWords(queryWords[q]);
            if (matches[q].Count == 0)
            {
                return;
            }
        }

        var order = Enumerable.Range(0, queryWords.Length).OrderBy(q => matches[q].Sum(m => postings[m.Word].Length)).ToArray();
        var candidates = new Dictionary<int, int>();
        foreach (var (word, distance) in matches[order[0]])
        {
            foreach (var entry in postings[word])
            {
                candidates[entry] = candidates.TryGetValue(entry, out var d) ? Math.Min(d, distance) : distance;
            }
        }

        foreach (var q in order.Skip(1))
        {
            var next = new Dictionary<int, int>();
            foreach (var (word, distance) in matches[q])
            {
                foreach (var entry in postings[word])
                {
                    if (candidates.TryGetValue(entry, out var d))
                    {
                        var total = d + distance;
                        next[entry] = next.TryGetValue(entry, out var e) ? Math.Min(e, total) : total;
                    }
                }
            }

            candidates = next;
        }

        var folded = string.Join(' ', queryWords);
        foreach (var (index, distance) in candidates)
        {
            var entry = entries[index];
            var score = 1.0;
            if (entry.Folded == folded)
            {
                score += 4;
            }
            else if (entry.Folded.StartsWith(folded, StringComparison.Ordinal))
            {
                score += 2;
            }

            score += entry.Preferred ? 1 : 0;
            score += entry.Dutch ? 0.25 : 0;
            score -= distance * 1.5;
            score -= entry.Folded.Length / 200.0;
            if (!best.TryGetValue(entry.ConceptId, out var hit) || hit.Score < score)
            {
                best[entry.ConceptId] = new LabelHit(entry.ConceptId, entry.Label, score, distance > 0);
            }
        }
    }

    private List<(int, int)> PrefixWords(string prefix)
    {
        var result = new List<(int, int)>();
        var start = LowerBound(prefix);
        for (var i = start; i < vocabulary.Length && vocabulary[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            result.Add((i, 0));
        }

        return result;
    }

    private List<(int, int)> FuzzyWords(string word)
    {
        var result = new List<(int, int)>();
        if (word.Length < 4)
        {
            return PrefixWords(word);
        }

        var max = word.Length >= 8 ? 2 : 1;
        for (var i = 0; i < vocabulary.Length; i++)
        {
            var candidate = vocabulary[i];
            if (candidate.Length < word.Length - max)
            {
                continue;
            }

            var distance = EditDistance.PrefixDistance(word, candidate, max);
            if (distance <= max)
            {
                result.Add((i, distance));
            }
        }

        return result;
    }

    private int LowerBound(string key)
    {
        int lo = 0, hi = vocabulary.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(vocabulary[mid], key) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static void AddLabels(List<Entry> entries, int id, string? nl, string en, string[] altNl, string[] altEn, IEnumerable<string> otherDutch)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string label, bool preferred, bool dutch)
        {
            var folded = Folding.Fold(label.Trim());
            if (folded.Length > 0 && seen.Add(folded))
            {
                entries.Add(new Entry(id, label.Trim(), folded, Tokenise(folded), preferred, dutch));
            }
        }

        if (nl is not null)
        {
            Add(nl, true, true);
        }

        Add(en, true, false);
        foreach (var a in altNl)
        {
            Add(a, false, true);
        }

        foreach (var a in otherDutch)
        {
            Add(a, false, true);
        }

        foreach (var a in altEn)
        {
            Add(a, false, false);
        }
    }

    private static string[] Tokenise(string folded) =>
        folded.Split([' ', '-', '/', ',', '(', ')', '.', ';', ':', '\'', '"', '&', '+'], StringSplitOptions.RemoveEmptyEntries);

    private sealed record Entry(int ConceptId, string Label, string Folded, string[] Words, bool Preferred, bool Dutch);
}

/// <summary>One concept found by <see cref="LabelSearch"/>: its dense id, the label that matched, and whether a typo was forgiven.</summary>
public sealed record LabelHit(int ConceptId, string MatchedLabel, double Score, bool Fuzzy);
