using Llo.Inventory.Domain.Projects;

namespace Llo.Inventory.Tests.Domain;

public sealed class BudgetTests
{
    [Theory]
    [InlineData("100000.00", 100000.00)]
    [InlineData("0", 0)]
    [InlineData("1250.5", 1250.5)]
    public void A_budget_is_euros_with_at_most_cents(string text, double expected) =>
        Assert.Equal((decimal)expected, Budget.Parse(text).Amount);

    [Theory]
    [InlineData("-1")]
    [InlineData("10.001")]
    [InlineData("1.000,00")]
    [InlineData("veel")]
    [InlineData("2000000000")]
    public void A_negative_fractional_cent_or_unreadable_budget_is_refused(string text)
    {
        var (amount, error) = Budget.Parse(text);
        Assert.Null(amount);
        Assert.False(string.IsNullOrEmpty(error));
    }
}
