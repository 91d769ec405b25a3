namespace Llo.Matching.Domain.Text;

/// <summary>Function words of Dutch and English: never a key, and their share tells the language of a text.</summary>
public static class StopWords
{
    public static readonly HashSet<string> Dutch = new(StringComparer.Ordinal)
    {
        "de", "het", "een", "en", "van", "in", "op", "met", "voor", "te", "is", "zijn", "je", "jij", "u", "we", "wij", "ons",
        "onze", "die", "dat", "deze", "dit", "als", "aan", "bij", "om", "of", "ook", "naar", "door", "over", "uit", "tot",
        "er", "niet", "wordt", "worden", "kan", "kunnen", "heb", "hebt", "heeft", "hebben", "ben", "bent", "zal", "zullen",
        "wat", "wie", "hun", "hen", "haar", "hij", "zij", "ze", "ik", "mijn", "jouw", "uw", "zo", "nog", "al", "andere",
        "anderen", "elk", "elke", "alle", "zoals", "waar", "waarbij", "binnen", "tussen", "onder", "na", "per", "enz", "etc",
    };

    public static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "and", "of", "to", "in", "for", "with", "on", "as", "by", "or", "at", "from", "is", "are", "be",
        "been", "this", "that", "these", "those", "it", "its", "you", "your", "we", "our", "they", "their", "them", "he",
        "she", "his", "her", "will", "can", "may", "such", "other", "others", "into", "about", "all", "any", "not", "who",
        "which", "what", "when", "where", "also", "etc",
    };

    public static bool Contains(string folded) => Dutch.Contains(folded) || English.Contains(folded);
}
