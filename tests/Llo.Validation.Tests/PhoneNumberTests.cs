namespace Llo.Validation.Tests;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("0101234567")]
    [InlineData("010 1234567")]
    [InlineData("010-123 45 67")]
    [InlineData("(010) 123 45 67")]
    [InlineData("06-12345678")]
    [InlineData("06 1234 5678")]
    [InlineData("0800 1234")]
    [InlineData("0900-1234567")]
    [InlineData("+31 6 1234 5678")]
    [InlineData("+31 (0)10 123 45 67")]
    [InlineData("+31101234567")]
    [InlineData("0031 10 123 45 67")]
    [InlineData("+32 2 123 45 67")]
    [InlineData("+49 30 12345678")]
    [InlineData("+44 20 7946 0958")]
    public void Dutch_and_international_numbers_are_accepted(string text) => Assert.True(PhoneNumber.IsValid(text));

    [Theory]
    [InlineData("bel me")]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("010 123456")]       // nine digits: one missing
    [InlineData("010 12345678")]     // eleven digits
    [InlineData("1012345678")]       // no trunk zero, no country code
    [InlineData("00012345678")]      // 00 and then a country code of 0
    [InlineData("+31 06 12345678")]  // the trunk zero dialled after +31
    [InlineData("+31 6 1234")]
    [InlineData("+0 123 456 789")]
    [InlineData("+1 234 567 890 123 456")] // more than fifteen digits
    [InlineData("06 1234 5678 ext 2")]
    [InlineData("06+12345678")]
    [InlineData("06/12345678")]
    public void Anything_else_is_refused(string text) => Assert.False(PhoneNumber.IsValid(text));

    [Fact]
    public void Optional_keeps_the_number_as_typed_and_names_the_field_of_a_bad_one()
    {
        var violations = new FieldViolations();
        Assert.Equal("06 1234 5678", PhoneNumber.Optional(" 06 1234 5678 ", "contact.phone", violations));
        Assert.True(violations.IsEmpty);

        Assert.Null(PhoneNumber.Optional("bel me", "contact.phone", violations));
        Assert.Equal(1, violations.Count);
    }
}
