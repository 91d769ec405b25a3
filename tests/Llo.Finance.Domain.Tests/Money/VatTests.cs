using Llo.Finance.Domain.Contributions;
using Llo.Finance.Domain.Money;
using Llo.Finance.Domain.Seed;

namespace Llo.Finance.Domain.Tests.Money;

public sealed class VatTests
{
    [Fact]
    public void Twenty_one_percent_is_added_and_rounded_to_cents()
    {
        Assert.Equal(20_790m, Vat.On(99_000m));
        Assert.Equal(119_790m, Vat.Including(99_000m));
        Assert.Equal(0.02m, Vat.On(0.10m));
        Assert.Equal(0.01m, Vat.On(0.05m));
        Assert.Equal(0m, Vat.Including(0m));
    }

    [Fact]
    public void A_payer_that_recovers_VAT_bears_the_amount_excluding_it_and_one_that_cannot_bears_it_all()
    {
        Assert.Equal(15_000m, Vat.CostTo(payerRecoversVat: true, 15_000m));
        Assert.Equal(18_150m, Vat.CostTo(payerRecoversVat: false, 15_000m));
    }

    [Fact]
    public void The_plans_2022_fees_invoiced_with_VAT_per_partner()
    {
        var summary = ContributionTotals.Vat(PlanSeed.Load().Contributions, 2022);

        Assert.Equal(45_000m, summary.TotalExcludingVat);
        Assert.Equal(9_450m, summary.TotalVat);
        Assert.Equal(54_450m, summary.TotalIncludingVat);
        Assert.Equal(45_000m + 3_150m, summary.TotalCostToPayers);
        var education = summary.Lines.Single(l => l.Payer == "Onderwijspartijen");
        Assert.Equal((15_000m, 3_150m, 18_150m, 18_150m), (education.AmountExcludingVat, education.VatAmount, education.AmountIncludingVat, education.CostToPayer));
    }

    [Fact]
    public void A_total_is_the_sum_of_each_amounts_rounded_VAT()
    {
        var summary = Vat.Summarise([new VatPayment("a", true, 0.05m), new VatPayment("b", true, 0.05m)]);

        Assert.Equal(0.02m, summary.TotalVat);
        Assert.Equal(0.12m, summary.TotalIncludingVat);
    }
}
