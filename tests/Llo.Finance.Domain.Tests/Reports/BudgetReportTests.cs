using Llo.Finance.Domain.Applications;
using Llo.Finance.Domain.Budgets;
using Llo.Finance.Domain.Planning;
using Llo.Finance.Domain.Reports;
using Llo.Finance.Domain.Seed;

namespace Llo.Finance.Domain.Tests.Reports;

public sealed class BudgetReportTests
{
    private readonly PlanSeedData _seed = PlanSeed.Load();

    [Fact]
    public void The_2024_report_has_every_expense_line_of_the_budget_with_the_plans_totals_and_VAT_per_line()
    {
        var report = BudgetReport.For(_seed.Budget, _seed.Applications, _seed.Contributions, 2024);

        Assert.Equal(_seed.Budget.ExpenseLines.Select(l => l.Id), report.Expenses.Select(l => l.Id));
        Assert.Equal(264_000m, report.ExpenseTotals.Budgeted);
        Assert.Equal(264_000m, report.IncomeTotals.Budgeted);
        Assert.Equal(report.Expenses.Sum(l => Domain.Money.Vat.On(l.Budgeted)), report.ExpenseTotals.Vat);
        Assert.Equal(264_000m + report.ExpenseTotals.Vat, report.ExpenseTotals.BudgetedIncludingVat);
        Assert.All(report.Expenses, l => Assert.NotNull(l.Coverage));
        Assert.All(report.Income, l => Assert.Null(l.Coverage));
    }

    [Fact]
    public void A_line_left_blank_in_the_year_is_in_the_report_with_nothing_to_pay()
    {
        var budget = _seed.Budget.Revise("v.blank", new DateOnly(2022, 6, 1),
            expenseLines: [.. _seed.Budget.ExpenseLines, new ExpenseLine("pilot", "Pilot", "Projecten", 9, AmountsPerYear.Of((2023, 1_000m)))]);

        var report = BudgetReport.For(budget, _seed.Applications, [], 2022);

        var pilot = report.Expenses.Single(l => l.Id == "pilot");
        Assert.Equal((0m, 0m, 0m, Coverage.Secured), (pilot.Budgeted, pilot.Expected, pilot.Shortfall, pilot.Coverage));
    }

    [Fact]
    public void Income_naming_a_line_this_version_no_longer_has_counts_as_not_budgeted_instead_of_failing()
    {
        var granted = new FundingApplication("oud", "Oude aanvraag", ["Fonds"], null, AmountsPerYear.Of((2022, 7_000m)), 0.5m,
            FundingApplicationStatus.GrantedInFull, AmountsPerYear.Of((2022, 7_000m)), incomeLineId: "verdwenen-regel");

        var report = BudgetReport.For(_seed.Budget, [granted], [], 2022);

        var unbudgeted = report.Income[^1];
        Assert.Equal((IncomeAgainstBudget.Unbudgeted, 7_000m, -7_000m), (unbudgeted.Description, unbudgeted.Secured, unbudgeted.Shortfall));
    }
}
