namespace Llo.Matching.Domain.Text;

/// <summary>
/// Splits a Dutch compound with a word list into its parts ("heftruckchauffeur" → "heftruck" + "chauffeur",
/// "veiligheidsvoorschriften" → "veiligheid" + "voorschriften"), trying the longest first part first and the linking
/// letters s, e and en. Parts have at least four letters so "ver" or "ont" never pose as words. The list is Debian's
/// hunspell-nl (<c>/usr/share/hunspell/nl.dic</c>) when installed; without it nothing is split.
/// </summary>
public sealed class Decompounder
{
    public const string HunspellDutch = "/usr/share/hunspell/nl.dic";
    private const int MinPart = 4;
    private static readonly string[] Linkers = ["", "s", "en", "e"];
    private readonly HashSet<string> words;

    public Decompounder(IEnumerable<string> words) => this.words = new HashSet<string>(words, StringComparer.Ordinal);

    public static Decompounder None { get; } = new([]);

    public int WordCount => words.Count;

    /// <summary>The hunspell-nl word list: lower-case entries only (names are capitalised), flags dropped, diacritics folded.</summary>
    public static Decompounder FromHunspell(string path = HunspellDutch)
    {
        if (!File.Exists(path))
        {
            return None;
        }

        var list = new List<string>(180_000);
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var slash = line.IndexOf('/');
            var word = slash >= 0 ? line[..slash] : line;
            if (word.Length >= MinPart && char.IsLower(word[0]) && word.All(char.IsLetter))
            {
                list.Add(Folding.Fold(word));
            }
        }

        return new Decompounder(list);
    }

    /// <summary>The parts of a folded word, or an empty list when it is not a compound of known words.</summary>
    public IReadOnlyList<string> Split(string word) => words.Count == 0 ? [] : Split(word, 0) ?? [];

    private List<string>? Split(string word, int depth)
    {
        if (word.Length < 2 * MinPart || depth > 2)
        {
            return null;
        }

        for (var headLength = word.Length - MinPart; headLength >= MinPart; headLength--)
        {
            var head = word[..headLength];
            if (!words.Contains(head))
            {
                continue;
            }

            foreach (var linker in Linkers)
            {
                if (string.CompareOrdinal(word, headLength, linker, 0, linker.Length) != 0 || word.Length - headLength - linker.Length < MinPart)
                {
                    continue;
                }

                var tail = word[(headLength + linker.Length)..];
                if (words.Contains(tail) || words.Contains(Stemming.Dutch(tail)))
                {
                    return [head, tail];
                }

                if (Split(tail, depth + 1) is { } parts)
                {
                    return [head, .. parts];
                }
            }
        }

        return null;
    }
}
