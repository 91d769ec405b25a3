using Llo.Finance.Domain.Budgets;
using Llo.Finance.Domain.Seed;

namespace Llo.Finance.Domain.Tests.Budgets;

public sealed class BudgetVersionTests
{
    private static readonly BudgetVersion Plan = PlanSeed.Load().Budget;

    [Fact]
    public void A_new_version_keeps_the_old_one_readable_and_unchanged()
    {
        var history = BudgetHistory.Start(Plan);
        var lines = Plan.ExpenseLines.Select(l => l.Id == "communicatie" ? l with { Amounts = l.Amounts.With(2023, 12_000m) } : l);

        history = history.Publish(Plan.Revise("v.01-06-2022", new DateOnly(2022, 6, 1), expenseLines: lines));

        Assert.Equal(2, history.Versions.Count);
        Assert.Equal(2, history.Latest.Number);
        Assert.Equal(349_000m, history.Latest.ExpenseTotal(2023));
        Assert.Equal(345_000m, history.Version(1).ExpenseTotal(2023));
        Assert.Same(Plan, history.Version(1));
    }

    [Fact]
    public void Publishing_out_of_sequence_or_reading_a_missing_version_is_refused()
    {
        var history = BudgetHistory.Start(Plan);
        var skipped = Plan.Revise("v2", new DateOnly(2022, 2, 1)).Revise("v3", new DateOnly(2022, 3, 1));

        var error = Assert.Throws<FinanceRuleViolation>(() => history.Publish(skipped));
        Assert.True(error.IsStateConflict);
        Assert.Contains("nummer 2", error.Message);
        Assert.Throws<FinanceRuleViolation>(() => history.Version(2));
    }

    [Fact]
    public void Every_bad_line_is_refused_with_its_field_and_reason_and_nothing_is_created()
    {
        var error = Assert.Throws<FinanceRuleViolation>(() => BudgetVersion.Create(
            1,
            "v1",
            new DateOnly(2022, 1, 1),
            2022,
            2024,
            [
                new IncomeLine("a", "Aanvraag", IncomeSource.FundingApplication, "BZK", "Subsidie", AmountsPerYear.Of((2022, -1m))),
                new IncomeLine("a", "Dubbel", IncomeSource.FundingApplication, "", "Subsidie", AmountsPerYear.Of((2025, 10m))),
            ],
            [new ExpenseLine("b", "Koffie", "Overig", 0, AmountsPerYear.Of((2023, 10.005m)))]));

        Assert.Equal(
            [
                "incomeLines[0].amounts[2022]",
                "incomeLines[1].id",
                "incomeLines[1].amounts[2025]",
                "incomeLines[1].funder",
                "expenseLines[0].amounts[2023]",
                "expenseLines[0].priority",
            ],
            error.Violations.Select(v => v.Field));
        Assert.Contains("mag niet negatief zijn", error.Violations[0].Message);
        Assert.Contains("2025 valt buiten de begroting", error.Violations[2].Message);
        Assert.Contains("twee decimalen", error.Violations[4].Message);
    }

    [Fact]
    public void A_budget_without_lines_totals_zero()
    {
        var empty = BudgetVersion.Create(1, "leeg", new DateOnly(2025, 1, 1), 2025, 2029, [], []);

        Assert.Equal(0m, empty.IncomeTotal(2027));
        Assert.Equal(0m, empty.Balance());
        Assert.Empty(empty.ExpenseByCategory());
    }

    [Fact]
    public void Totals_of_amounts_in_cents_are_exact()
    {
        var lines = Enumerable.Range(0, 10).Select(i => new ExpenseLine($"l{i}", $"Regel {i}", "Overig", 1, AmountsPerYear.Of((2022, 0.10m))));
        var budget = BudgetVersion.Create(1, "centen", new DateOnly(2022, 1, 1), 2022, 2022, [], lines);

        Assert.Equal(1.00m, budget.ExpenseTotal(2022));
    }
}
