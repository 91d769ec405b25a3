namespace Llo.Matching.Domain.Text;

/// <summary>A word of a text: where it stands in the original (so a proposal can point at it) and its folded form.</summary>
public readonly record struct TextToken(int Start, int Length, string Folded);

/// <summary>Splits text into words (letters and digits, with inner '+', '#', '.' kept for "c++", "c#", "asp.net").</summary>
public static class TextTokens
{
    public static List<TextToken> Split(string text)
    {
        var tokens = new List<TextToken>(text.Length / 6);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || IsInner(text, i)))
            {
                i++;
            }

            tokens.Add(new TextToken(start, i - start, Folding.Fold(text[start..i])));
        }

        return tokens;
    }

    private static bool IsInner(string text, int i) =>
        text[i] switch
        {
            '+' or '#' => true,
            '.' => i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > 0 && char.IsLetter(text[i - 1]) && !char.IsUpper(text[i + 1]),
            _ => false,
        };
}
