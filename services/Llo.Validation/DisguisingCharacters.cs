using System.Globalization;
using System.Text;

namespace Llo.Validation;

/// <summary>
/// Invisible characters that make text look other than it is: the bidirectional embeddings, overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069) reverse what follows on screen ("Cursus <c>\u202E</c>gpj.exe"), and the
/// zero-width characters (U+200B–U+200D, U+2060, U+FEFF) make two titles that look identical differ, or hide a
/// word from a search. Nobody types them on purpose. The one exception is the zero-width joiner between two
/// pictographs, which glues an emoji sequence together (👩🏽‍🔧, 🏳️‍🌈). The marks U+200E/U+200F stay allowed: they only
/// steer the direction of neutral characters next to Hebrew or Arabic and cannot reverse a word.
/// </summary>
public static class DisguisingCharacters
{
    private const char ZeroWidthJoiner = '\u200D';
    private const char EmojiPresentation = '\uFE0F';

    /// <summary>The Dutch description of the first such character in <paramref name="text"/>, or null when there is none.</summary>
    public static string? Find(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var kind = Kind(text[i]);
            if (kind is null || text[i] == ZeroWidthJoiner && JoinsPictographs(text, i))
            {
                continue;
            }

            return $"Bevat het onzichtbare teken U+{(int)text[i]:X4} ({kind}) op positie {(i + 1).ToString(CultureInfo.InvariantCulture)}: "
                + "zulke tekens kunnen verhullen wat er staat. Haal het weg.";
        }

        return null;
    }

    private static string? Kind(char c) => c switch
    {
        >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' => "stuurt de leesrichting",
        >= '\u200B' and <= '\u200D' or '\u2060' or '\uFEFF' => "teken zonder breedte",
        _ => null,
    };

    /// <summary>A joiner inside an emoji sequence: a pictograph (or its skin tone or emoji presentation) before it, a pictograph after it.</summary>
    private static bool JoinsPictographs(string text, int index)
    {
        if (index == 0 || index == text.Length - 1
            || !Rune.TryGetRuneAt(text, index + 1, out var next)
            || Rune.GetUnicodeCategory(next) != UnicodeCategory.OtherSymbol)
        {
            return false;
        }

        var start = char.IsLowSurrogate(text[index - 1]) && index >= 2 ? index - 2 : index - 1;
        if (!Rune.TryGetRuneAt(text, start, out var previous))
        {
            return false;
        }

        return previous.Value == EmojiPresentation
            || Rune.GetUnicodeCategory(previous) is UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol;
    }
}
