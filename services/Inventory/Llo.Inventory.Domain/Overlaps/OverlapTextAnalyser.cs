using System.Globalization;
using System.Text;

namespace Llo.Inventory.Domain.Overlaps;

/// <summary>
/// Turns a project's text into terms the overlap check compares: word stems without stop words, the parts of Dutch
/// compounds, and the concepts (synonym groups) a phrase names. All three are optional data: without a word list
/// nothing is split, without a lexicon no concept is found, and the check still works on stems.
/// </summary>
public sealed class OverlapTextAnalyser(IReadOnlySet<string> stopWords, Decompounder decompounder, SynonymLexicon lexicon)
{
    public const string ConceptPrefix = "~";
    public const double TitleWeight = 1.0;
    public const double SummaryWeight = 1.0;
    public const double DescriptionWeight = 0.75;
    private const double PartWeight = 0.3;
    private const int MaxConceptsPerPhrase = 3;

    public static OverlapTextAnalyser Plain { get; } = new(new HashSet<string>(), Decompounder.None, SynonymLexicon.Empty);

    public SynonymLexicon Lexicon => lexicon;

    public AnalysedText Analyse(string title, string summary, string description)
    {
        var terms = new Dictionary<string, TermHit>(StringComparer.Ordinal);
        Add(terms, title, TitleWeight, descriptionOnly: false);
        Add(terms, summary, SummaryWeight, descriptionOnly: false);
        Add(terms, description, DescriptionWeight, descriptionOnly: true);
        return new AnalysedText(terms);
    }

    /// <summary>The stem key of a label or phrase ("Zorgmedewerkers" → "zorgmedewerker"), null when only stop words remain.</summary>
    public string? PhraseKey(string phrase)
    {
        var stems = Words(phrase).Select(w => w.Stem).ToList();
        return stems.Count is 0 or > SynonymLexicon.MaxPhraseWords ? null : string.Join(' ', stems);
    }

    private void Add(Dictionary<string, TermHit> terms, string text, double weight, bool descriptionOnly)
    {
        var words = Words(text);
        for (var i = 0; i < words.Count; i++)
        {
            var (surface, normal, stem) = words[i];
            Put(terms, stem, surface, weight, descriptionOnly);
            var parts = decompounder.Split(normal);
            foreach (var part in parts)
            {
                // The part is named as itself in reasons: "basis" is shared, not "basisschool".
                Put(terms, DutchStemmer.Stem(part), part, weight * PartWeight, descriptionOnly);
            }

            // Longest phrase first: "primair onderwijs" names a concept that "onderwijs" alone does not.
            for (var n = Math.Min(SynonymLexicon.MaxPhraseWords, words.Count - i); n >= 1; n--)
            {
                var key = n == 1 ? stem : string.Join(' ', words.Skip(i).Take(n).Select(w => w.Stem));
                var concepts = lexicon.Concepts(key);
                if (concepts.Count == 0)
                {
                    continue;
                }

                var phrase = n == 1 ? surface : string.Join(' ', words.Skip(i).Take(n).Select(w => w.Surface));
                foreach (var concept in concepts.Take(MaxConceptsPerPhrase))
                {
                    Put(terms, ConceptPrefix + concept.ToString(CultureInfo.InvariantCulture), phrase, weight, descriptionOnly);
                }

                break;
            }

            // A compound's tail may name a concept on its own ("heftruckchauffeur" → "chauffeur").
            if (parts.Count > 0)
            {
                foreach (var concept in lexicon.Concepts(DutchStemmer.Stem(parts[^1])).Take(MaxConceptsPerPhrase))
                {
                    Put(terms, ConceptPrefix + concept.ToString(CultureInfo.InvariantCulture), surface, weight * PartWeight, descriptionOnly);
                }
            }
        }
    }

    private static void Put(Dictionary<string, TermHit> terms, string key, string surface, double weight, bool descriptionOnly)
    {
        if (!terms.TryGetValue(key, out var hit))
        {
            terms[key] = new TermHit(surface, weight, descriptionOnly);
        }
        else if (hit.Weight < weight || (hit.DescriptionOnly && !descriptionOnly))
        {
            terms[key] = new TermHit(hit.Word, Math.Max(hit.Weight, weight), hit.DescriptionOnly && descriptionOnly);
        }
    }

    private List<(string Surface, string Normal, string Stem)> Words(string text)
    {
        var result = new List<(string, string, string)>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                var surface = text[start..i];
                var normal = Normalise(surface);
                if (normal.Length >= 2 && !stopWords.Contains(normal))
                {
                    result.Add((surface, normal, DutchStemmer.Stem(normal)));
                }

                start = -1;
            }
        }

        return result;
    }

    /// <summary>Lower case without diacritics: "Oriëntatie" and "orientatie" are one word.</summary>
    public static string Normalise(string word)
    {
        var lower = word.ToLowerInvariant();
        if (lower.All(char.IsAscii))
        {
            return lower;
        }

        var builder = new StringBuilder(lower.Length);
        foreach (var c in lower.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
