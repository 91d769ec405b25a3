using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Llo.Matching.Domain.Text;

/// <summary>
/// Snowball stemmers from Lucene.Net (Dutch and English Porter2) for comparing words, not for showing them:
/// "ondernemers"/"ondernemer", "managing"/"manage" map to one key. One stemmer per thread, since they keep state.
/// </summary>
public static class Stemming
{
    [ThreadStatic]
    private static SnowballProgram? dutch;

    [ThreadStatic]
    private static SnowballProgram? english;

    public static string Dutch(string folded) => Stem(dutch ??= new DutchStemmer(), folded);

    public static string English(string folded) => Stem(english ??= new EnglishStemmer(), folded);

    public static string Stem(string folded, Language language) =>
        language == Language.Dutch ? Dutch(folded) : English(folded);

    private static string Stem(SnowballProgram stemmer, string word)
    {
        // Short words and codes ("c++", "sql", "3d") are keys as they are.
        if (word.Length <= 3)
        {
            return word;
        }

        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }
}

public enum Language
{
    Dutch,
    English,
}
