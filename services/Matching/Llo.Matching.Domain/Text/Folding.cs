using System.Globalization;
using System.Text;

namespace Llo.Matching.Domain.Text;

/// <summary>Lower case without diacritics ("Coördineren" → "coordineren", "café" → "cafe"), the key for every comparison.</summary>
public static class Folding
{
    public static string Fold(string text)
    {
        var needsWork = false;
        foreach (var c in text)
        {
            if (c > 127 || char.IsUpper(c))
            {
                needsWork = true;
                break;
            }
        }

        if (!needsWork)
        {
            return text;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Folds one character; a letter with a diacritic keeps its base letter, so positions in the original text stay valid.</summary>
    public static char FoldChar(char c)
    {
        if (c < 128)
        {
            return char.ToLowerInvariant(c);
        }

        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        return char.ToLowerInvariant(decomposed[0]);
    }
}
