using Google.Protobuf.Reflection;

namespace Llo.Validation.Tests;

public sealed class EnumMapTests
{
    // Shaped like protoc's output: a zero "not given" value and the proto names as attributes.
    public enum WireColour
    {
        [OriginalName("COLOUR_UNSPECIFIED")] Unspecified = 0,
        [OriginalName("COLOUR_RED")] Red = 1,
        [OriginalName("COLOUR_BLUE")] Blue = 2,
    }

    public enum Colour
    {
        Blue = 7,
        Red = 9,
    }

    public enum ColourWithGreen
    {
        Red = 1,
        Blue = 2,
        Green = 3,
    }

    public static readonly EnumMap<WireColour, Colour> Colours = new();

    [Fact]
    public void Values_pair_by_name_whatever_their_numbers()
    {
        Assert.Equal(Colour.Red, Colours.ToDomain(WireColour.Red));
        Assert.Equal(WireColour.Blue, Colours.ToContract(Colour.Blue));
        Assert.Null(Colours.ToDomain(WireColour.Unspecified));
        Assert.Null(Colours.ToDomain((WireColour)42));
        Assert.Equal(WireColour.Unspecified, Colours.ToContract((Colour?)null));
        Assert.Empty(Colours.Gaps());
    }

    [Fact]
    public void A_value_on_one_side_only_is_a_gap()
    {
        var map = new EnumMap<WireColour, ColourWithGreen>();

        var gap = Assert.Single(map.Gaps());
        Assert.Contains("Green", gap);
        Assert.Throws<ArgumentOutOfRangeException>(() => map.ToContract(ColourWithGreen.Green));
    }

    [Fact]
    public void Errors_list_the_choices_by_the_names_json_accepts()
    {
        var violations = new FieldViolations();

        Assert.Null(Colours.Required(WireColour.Unspecified, "colour", "kleur", violations));
        Assert.Null(Colours.Optional((WireColour)42, "colours[1]", "kleur", violations));
        Assert.Null(Colours.Optional(WireColour.Unspecified, "other", "kleur", violations));
        Assert.Equal(Colour.Blue, Colours.Required(WireColour.Blue, "colour", "kleur", violations));

        Assert.Equal("COLOUR_RED, COLOUR_BLUE", Colours.Choices);
        Assert.Equal(2, violations.Count);
    }

    [Fact]
    public void The_maps_of_an_assembly_are_found_by_reflection()
    {
        var found = EnumMap.DeclaredIn(typeof(EnumMapTests).Assembly);

        Assert.Equal(["EnumMapTests.Colours"], found.Select(m => m.Name));
    }

    [Theory]
    [InlineData("COLOUR_RED")]
    [InlineData("colour_red")]
    [InlineData("RED")]
    [InlineData("red")]
    [InlineData(" Red ")]
    [InlineData("1")]
    public void A_query_string_may_name_a_value_by_json_name_short_name_or_number(string text) =>
        Assert.Equal(Colour.Red, Colours.Parse(text));

    [Theory]
    [InlineData("COLOUR_UNSPECIFIED")]
    [InlineData("0")]
    [InlineData("3")]
    [InlineData("GREEN")]
    [InlineData("")]
    public void Anything_else_in_a_query_string_is_no_value(string text) => Assert.Null(Colours.Parse(text));
}
