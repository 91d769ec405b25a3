using Grpc.Core;

namespace Llo.Validation.Tests;

public sealed class TextFieldTests
{
    private static string? Problem(string text)
    {
        var violations = new FieldViolations();
        TextField.Check(text, "note.title", "De titel", 200, required: true, violations);
        if (violations.IsEmpty)
        {
            return null;
        }

        var refused = Assert.Throws<RpcException>(violations.ThrowIfAny);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        return refused.Status.Detail;
    }

    [Theory]
    [InlineData("Cursus \u202Egpj.exe", "U+202E")]
    [InlineData("\u202AVlaardingen", "U+202A")]
    [InlineData("Techniek \u2066voor\u2069 iedereen", "U+2066")]
    [InlineData("Tech\u200Bniek", "U+200B")]
    [InlineData("Tech\u200Cniek", "U+200C")]
    [InlineData("Tech\u200Dniek", "U+200D")]
    [InlineData("Tech\u2060niek", "U+2060")]
    [InlineData("\uFEFFTechniek", "U+FEFF")]
    [InlineData("👩\u200D", "U+200D")]
    [InlineData("\u200D🔧", "U+200D")]
    public void A_direction_override_or_zero_width_character_is_refused_naming_the_field_and_the_character(string text, string code)
    {
        var problem = Problem(text);

        Assert.NotNull(problem);
        Assert.Contains("note.title", problem);
        Assert.Contains(code, problem);
        Assert.Contains("onzichtbare teken", problem);
    }

    [Theory]
    [InlineData("Reïntegratie voor één café in Maassluis")]
    [InlineData("Zorg & welzijn — Ĳsselmonde, coördinator, naïef")]
    [InlineData("Koffie ☕ en taart 🎂")]
    [InlineData("Vakvrouw 👩🏽‍🔧 en regenboog 🏳️‍🌈, hart ❤️‍🔥, gezin 👨‍👩‍👧")]
    [InlineData("עִבְרִית \u200F(Hebreeuws)")]
    [InlineData("Regel een\nregel twee\tmet tab")]
    public void Dutch_text_with_diacritics_emoji_and_direction_marks_passes(string text) =>
        Assert.Null(Problem(text));

    [Fact]
    public void A_control_character_is_still_reported_as_one()
    {
        Assert.Equal(TextField.ControlCharacters, TextField.CharacterProblem("a\u0000b"));
    }
}
