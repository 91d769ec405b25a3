using Google.Protobuf;
using Llo.Contracts.Common.V1;

namespace Llo.Validation.Tests;

public sealed class MoneyTests
{
    [Fact]
    public void Euros_travel_as_whole_cents_and_come_back_exactly()
    {
        var money = Money.FromEuros(25_000.10m);

        Assert.Equal(2_500_010, money.Cents);
        Assert.Equal(25_000.10m, money.Euros);
        Assert.Equal(-0.01m, Money.FromEuros(-0.01m).Euros);
    }

    [Fact]
    public void A_fraction_of_a_cent_is_refused_rather_than_rounded() =>
        Assert.Throws<ArgumentException>(() => Money.FromEuros(0.005m));

    [Fact]
    public void In_json_the_cents_are_a_string() =>
        Assert.Equal("""{ "cents": "2500000" }""", JsonFormatter.Default.Format(Money.FromEuros(25_000m)));
}
