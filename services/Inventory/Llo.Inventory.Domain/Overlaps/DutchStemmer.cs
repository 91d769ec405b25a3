namespace Llo.Inventory.Domain.Overlaps;

/// <summary>
/// A light Dutch stemmer for comparing words, not for showing them: plural and inflection endings go
/// ("managers" → "manager", "banen" → "baan", "bedrijven" → "bedrijf", "verzorgende" → "verzorgend").
/// It only has to map the forms of one word to the same key, so it stays small and predictable.
/// Input is lower case without diacritics (see <see cref="OverlapTextAnalyser"/>).
/// </summary>
public static class DutchStemmer
{
    private const int MinStem = 3;

    public static string Stem(string word)
    {
        if (word.Length <= MinStem || !word.All(char.IsLetter))
        {
            return word;
        }

        if (word.EndsWith("heden", StringComparison.Ordinal))
        {
            return word[..^5] + "heid";
        }

        string stem;
        if (word.EndsWith("en", StringComparison.Ordinal) && word.Length - 2 >= MinStem && !IsVowel(word[^3]))
        {
            stem = Restore(word[..^2]);
        }
        else if (word.EndsWith('e') && word.Length - 1 >= MinStem && !IsVowel(word[^2]))
        {
            stem = Restore(word[..^1]);
        }
        else if (word.EndsWith('s') && word.Length - 1 >= MinStem && !word.EndsWith("ss", StringComparison.Ordinal)
                 && word[^2] is not ('s' or 'j' or 'u' or 'i'))
        {
            stem = word[..^1];
        }
        else
        {
            stem = word;
        }

        return stem;
    }

    /// <summary>
    /// After "-en"/"-e": a doubled consonant was only spelling ("lessen" → "les"), a v/z was an f/s ("bedrijven" → "bedrijf"),
    /// and an open syllable had a long vowel ("banen" → "baan", "scholen" → "school").
    /// </summary>
    private static string Restore(string stem)
    {
        if (stem.Length >= 2 && stem[^1] == stem[^2] && !IsVowel(stem[^1]))
        {
            return stem[..^1];
        }

        if (stem[^1] == 'v')
        {
            stem = stem[..^1] + "f";
        }
        else if (stem[^1] == 'z')
        {
            stem = stem[..^1] + "s";
        }

        if (stem.Length >= 3 && !IsVowel(stem[^1]) && IsVowel(stem[^2]) && !IsVowel(stem[^3]) && stem[^2] is 'a' or 'e' or 'o' or 'u'
            && stem[^1] is not ('w' or 'j'))
        {
            return stem[..^1] + stem[^2] + stem[^1];
        }

        return stem;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
