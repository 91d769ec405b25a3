namespace Llo.Inventory.Domain.Overlaps;

/// <summary>
/// Splits a Dutch compound into its head and tail with a word list ("zorgmedewerker" → "zorg" + "medewerker",
/// "beroepsorientatie" → "beroep" + "orientatie", linking -s-/-e-/-en- allowed). Without a word list nothing is split.
/// Parts have at least four letters, so short fragments ("ver", "ge") never pose as words; names ("Maassluis") and
/// plural endings that happen to be words ("kind-eren") are not split.
/// </summary>
public sealed class Decompounder(IReadOnlySet<string> words, IReadOnlySet<string>? names = null)
{
    private const int MinPart = 4;
    private static readonly string[] Linkers = ["", "s", "en", "e"];
    private static readonly HashSet<string> InflectionTails = ["eren", "ende", "enden", "ingen"];

    public static Decompounder None { get; } = new(new HashSet<string>());

    public bool IsEmpty => words.Count == 0;

    /// <summary>The parts of <paramref name="word"/> (lower case, no diacritics), or nothing when it is not a compound.</summary>
    public IReadOnlyList<string> Split(string word) => Split(word, depth: 0) ?? [];

    private List<string>? Split(string word, int depth)
    {
        if (words.Count == 0 || word.Length < 2 * MinPart || depth > 2 || (names?.Contains(word) ?? false))
        {
            return null;
        }

        // The longest known head wins: "werkgeversorganisatie" is werkgever + s + organisatie, not werk + ...
        for (var headLength = word.Length - MinPart; headLength >= MinPart; headLength--)
        {
            // A head is written bare in a compound (the linker follows it); only the tail may be inflected.
            var head = word[..headLength];
            if (!words.Contains(head))
            {
                continue;
            }

            foreach (var linker in Linkers)
            {
                var rest = word.AsSpan(headLength);
                if (!rest.StartsWith(linker, StringComparison.Ordinal) || rest.Length - linker.Length < MinPart)
                {
                    continue;
                }

                var tail = rest[linker.Length..].ToString();
                if (InflectionTails.Contains(tail))
                {
                    continue;
                }

                if (IsWord(tail))
                {
                    return [head, tail];
                }

                if (Split(tail, depth + 1) is { } tailParts)
                {
                    return [head, .. tailParts];
                }
            }
        }

        return null;
    }

    private bool IsWord(string part) => words.Contains(part) || words.Contains(DutchStemmer.Stem(part));
}
