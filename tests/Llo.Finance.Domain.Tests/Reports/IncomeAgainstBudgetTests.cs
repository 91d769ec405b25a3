using Llo.Finance.Domain.Applications;
using Llo.Finance.Domain.Budgets;
using Llo.Finance.Domain.Reports;
using Llo.Finance.Domain.Seed;

namespace Llo.Finance.Domain.Tests.Reports;

public sealed class IncomeAgainstBudgetTests
{
    private readonly PlanSeedData _seed = PlanSeed.Load();

    [Fact]
    public void Each_income_line_shows_what_is_secured_and_expected_against_what_the_plan_budgets()
    {
        var applications = _seed.Applications.Select(a => a.Id == "programmamanagement" ? a.Submit().GrantInFull() : a);
        var contributions = _seed.Contributions.Select(c => c.Id == "gemeente-maassluis-2023" ? c.Invoice(5_000m).Pay(5_000m) : c);

        var rows = IncomeAgainstBudget.For(_seed.Budget, applications, contributions, 2023);

        Assert.Equal(PlanFigures.Income.Select(l => l.Id), rows.Select(r => r.IncomeLineId));
        var manager = rows.Single(r => r.IncomeLineId == "aanvraag-programmamanagement");
        Assert.Equal((100_000m, 100_000m, 0m, 0m), (manager.Budgeted, manager.Secured, manager.Weighted, manager.Gap));
        var municipalities = rows.Single(r => r.IncomeLineId == "deelnemersbijdragen-gemeenten");
        Assert.Equal((15_000m, 5_000m, 5_000m, 5_000m), (municipalities.Budgeted, municipalities.Secured, municipalities.Weighted, municipalities.Gap));
        Assert.Equal(345_000m, rows.Sum(r => r.Budgeted));
        Assert.Equal(0m, rows.Single(r => r.IncomeLineId == "inzet-huis-naar-werk").Expected);
    }

    [Fact]
    public void Income_that_names_no_budget_line_is_gathered_as_unbudgeted_and_an_unknown_line_is_named()
    {
        var extra = new FundingApplication("esf", "ESF-pilot", ["ESF"], "Riverboard", AmountsPerYear.Of((2024, 20_000m)), 0.25m);

        var rows = IncomeAgainstBudget.For(_seed.Budget, [.. _seed.Applications, extra], _seed.Contributions, 2024);

        Assert.Equal((IncomeAgainstBudget.Unbudgeted, 0m, 5_000m), (rows[^1].Description, rows[^1].Budgeted, rows[^1].Weighted));

        var stray = new FundingApplication("x", "X", ["EZK"], null, AmountsPerYear.Of((2024, 1m)), 1m, incomeLineId: "bestaat-niet");
        var error = Assert.Throws<FinanceRuleViolation>(() => IncomeAgainstBudget.For(_seed.Budget, [stray], [], 2024));
        Assert.Equal("incomeLineId", error.Violations.Single().Field);
        Assert.Throws<FinanceRuleViolation>(() => IncomeAgainstBudget.For(_seed.Budget, [], [], 2030));
    }
}
