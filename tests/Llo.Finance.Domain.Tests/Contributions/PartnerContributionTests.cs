using Llo.Finance.Domain.Contributions;
using Llo.Finance.Domain.Seed;

namespace Llo.Finance.Domain.Tests.Contributions;

public sealed class PartnerContributionTests
{
    private readonly PlanSeedData _seed = PlanSeed.Load();

    [Fact]
    public void The_seeded_contributions_add_up_to_the_plans_participation_fees_per_category_and_year()
    {
        Assert.Equal(
            [("Companies", 15_000m), ("Municipalities", 15_000m), ("Education", 15_000m)],
            ContributionTotals.ByCategory(_seed.Contributions, 2022).Select(s => (s.Name, s.Committed)));
        Assert.Equal(
            [("Companies", 30_000m), ("Municipalities", 15_000m), ("Education", 19_000m)],
            ContributionTotals.ByCategory(_seed.Contributions, 2024).Select(s => (s.Name, s.Committed)));
        foreach (var year in PlanFigures.Years)
        {
            Assert.Equal(
                _seed.Budget.IncomeByCategory(year).Single(c => c.Name == "Deelnemersbijdragen").Amount,
                ContributionTotals.Sum("alle", _seed.Contributions.Where(c => c.Year == year)).Committed);
        }
    }

    [Fact]
    public void The_plan_records_that_Schiedam_cannot_pay_from_existing_budgets_and_the_other_two_can()
    {
        var municipalities = _seed.Contributions.Where(c => c.Category == PartnerCategory.Municipalities && c.Year == 2022).ToList();

        Assert.Equal(
            [("Gemeente Schiedam", (bool?)false), ("Gemeente Vlaardingen", true), ("Gemeente Maassluis", true)],
            municipalities.Select(c => (c.Partner, c.CanPayFromExistingBudget)));
        Assert.Null(_seed.Contributions.First(c => c.Category == PartnerCategory.Companies).CanPayFromExistingBudget);
    }

    [Fact]
    public void A_contribution_is_committed_then_invoiced_then_paid()
    {
        var contribution = new PartnerContribution("c", "Gemeente Maassluis", PartnerCategory.Municipalities, 2022, 5_000m);

        var paid = contribution.Invoice(3_000m).Pay(2_000m).Invoice(2_000m);

        Assert.Equal((5_000m, 5_000m, 2_000m), (paid.Committed, paid.Invoiced, paid.Paid));
        Assert.Equal(3_000m, paid.Outstanding);
        Assert.Equal(3_000m, paid.Receivable);
        var sums = ContributionTotals.ByPartner([paid, contribution]);
        Assert.Equal(new ContributionSum("Gemeente Maassluis", 10_000m, 5_000m, 2_000m), sums.Single());
    }

    [Fact]
    public void Paying_more_than_invoiced_or_invoicing_more_than_committed_is_refused()
    {
        var contribution = new PartnerContribution("c", "Bedrijven", PartnerCategory.Companies, 2022, 5_000m);

        var overInvoiced = Assert.Throws<FinanceRuleViolation>(() => contribution.Invoice(5_000.01m));
        Assert.Equal("invoiced", overInvoiced.Violations.Single().Field);
        Assert.Contains("gefactureerd (€ 5.000,01) is meer dan toegezegd (€ 5.000,00)", overInvoiced.Message);
        Assert.Equal("paid", Assert.Throws<FinanceRuleViolation>(() => contribution.Invoice(100m).Pay(200m)).Violations.Single().Field);
        Assert.Throws<FinanceRuleViolation>(() => contribution.Pay(-1m));
        Assert.Throws<FinanceRuleViolation>(() => new PartnerContribution("c", "X", PartnerCategory.Companies, 2022, -10m));
    }

    [Fact]
    public void A_partner_that_withdraws_keeps_only_what_it_paid()
    {
        var withdrawn = new PartnerContribution("c", "Gemeente Schiedam", PartnerCategory.Municipalities, 2022, 5_000m, 2_500m, 1_000m, probability: 0.5m)
            .WithdrawUnpaid();

        Assert.Equal((1_000m, 1_000m, 1_000m), (withdrawn.Committed, withdrawn.Invoiced, withdrawn.Paid));
        Assert.Equal(0m, withdrawn.WeightedOutstanding);
    }

    [Fact]
    public void Only_the_unpaid_part_is_weighted_by_the_probability()
    {
        var contribution = new PartnerContribution("c", "X", PartnerCategory.Education, 2022, 19_000m, 10_000m, 5_000m, probability: 0.333m);

        Assert.Equal(4_662m, contribution.WeightedOutstanding);
    }
}
