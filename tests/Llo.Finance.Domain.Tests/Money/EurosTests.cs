using Llo.Contracts.Common.V1;
using Llo.Finance.Domain.Money;

namespace Llo.Finance.Domain.Tests.Money;

public sealed class EurosTests
{
    [Theory]
    [InlineData("0.005", "0.01")]
    [InlineData("0.015", "0.02")]
    [InlineData("-0.005", "-0.01")]
    [InlineData("40278.6885", "40278.69")]
    [InlineData("12.344999", "12.34")]
    public void Computed_amounts_round_to_cents_half_away_from_zero(string amount, string rounded) =>
        Assert.Equal(decimal.Parse(rounded, System.Globalization.CultureInfo.InvariantCulture),
            Euros.Round(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Cents_go_to_the_wire_and_back_exactly_as_the_contracts_money_does()
    {
        foreach (var euros in new[] { 0m, 0.01m, 99_000m, 40_500.50m, -1_000.99m, 954_000m })
        {
            Assert.Equal(global::Llo.Contracts.Common.V1.Money.FromEuros(euros).Cents, Euros.ToCents(euros));
            Assert.Equal(euros, Euros.FromCents(Euros.ToCents(euros)));
            Assert.Equal(global::Llo.Contracts.Common.V1.Money.FromEuros(euros).Euros, Euros.FromCents(Euros.ToCents(euros)));
        }
    }

    [Fact]
    public void A_fraction_of_a_cent_is_refused_on_the_way_out_as_the_wire_refuses_it()
    {
        Assert.Throws<ArgumentException>(() => Euros.ToCents(0.005m));
        Assert.Throws<ArgumentException>(() => global::Llo.Contracts.Common.V1.Money.FromEuros(0.005m));
        Assert.Equal(1L, Euros.ToCents(Euros.Round(0.005m)));
    }

    [Fact]
    public void Amounts_read_as_a_Dutch_reader_expects() =>
        Assert.Equal(("€ 264.000,00", "-€ 1.000,50"), (Euros.Format(264_000m), Euros.Format(-1_000.50m)));
}
