namespace Llo.Validation.Tests;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("jan@example.nl")]
    [InlineData("fatima.el-amrani@gemeente.schiedam.nl")]
    [InlineData("info+llo@riverboard.nl")]
    [InlineData("a@b.co")]
    public void A_plain_address_with_a_domain_is_accepted(string text) => Assert.True(EmailAddress.IsValid(text));

    [Theory]
    [InlineData("geen-adres")]
    [InlineData("jan@localhost")]
    [InlineData("jan@.nl")]
    [InlineData("jan@example.")]
    [InlineData("jan@example..nl")]
    [InlineData("Jan <jan@example.nl>")]
    [InlineData("jan jansen@example.nl")]
    [InlineData("@example.nl")]
    [InlineData("jan@")]
    [InlineData("")]
    public void Anything_else_is_refused(string text) => Assert.False(EmailAddress.IsValid(text));

    [Fact]
    public void Too_long_an_address_is_refused()
    {
        Assert.False(EmailAddress.IsValid(new string('a', 65) + "@example.nl"));
        Assert.False(EmailAddress.IsValid("a@" + new string('b', 250) + ".nl"));
    }

    [Fact]
    public void Optional_trims_skips_a_blank_and_names_the_field_of_a_bad_one()
    {
        var violations = new FieldViolations();
        Assert.Equal("jan@example.nl", EmailAddress.Optional("  jan@example.nl ", "contact.email", violations));
        Assert.Null(EmailAddress.Optional("   ", "contact.email", violations));
        Assert.True(violations.IsEmpty);

        Assert.Null(EmailAddress.Optional("jan@", "contact.email", violations));
        Assert.Equal(1, violations.Count);
    }
}
