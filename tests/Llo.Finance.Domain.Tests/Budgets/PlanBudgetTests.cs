using Llo.Finance.Domain.Budgets;
using Llo.Finance.Domain.Seed;

namespace Llo.Finance.Domain.Tests.Budgets;

public sealed class PlanBudgetTests
{
    private readonly PlanSeedData _seed = PlanSeed.Load();

    [Fact]
    public void The_seed_holds_every_line_of_the_plan_with_its_amounts()
    {
        var budget = _seed.Budget;
        Assert.Equal("v.13-01-2022", budget.Label);
        Assert.Equal([2022, 2023, 2024], budget.Years);
        Assert.Equal(PlanFigures.Income.Select(l => l.Id), budget.IncomeLines.Select(l => l.Id));
        Assert.Equal(PlanFigures.Expenses.Select(l => l.Id), budget.ExpenseLines.Select(l => l.Id));
        foreach (var (id, y2022, y2023, y2024) in PlanFigures.Income)
        {
            var line = budget.IncomeLine(id);
            Assert.Equal((y2022, y2023, y2024), (line.Amounts.For(2022), line.Amounts.For(2023), line.Amounts.For(2024)));
        }

        foreach (var (id, y2022, y2023, y2024) in PlanFigures.Expenses)
        {
            var line = budget.ExpenseLine(id);
            Assert.Equal((y2022, y2023), (line.Amounts.For(2022), line.Amounts.For(2023)));
            Assert.Equal(y2024 is not null, line.Amounts.Has(2024));
            Assert.Equal(y2024 ?? 0m, line.Amounts.For(2024));
        }
    }

    [Fact]
    public void Every_total_the_plan_prints_equals_the_total_computed_from_its_lines()
    {
        var budget = _seed.Budget;
        foreach (var (year, income, expenses) in PlanFigures.YearTotals)
        {
            Assert.Equal(income, budget.IncomeTotal(year));
            Assert.Equal(expenses, budget.ExpenseTotal(year));
            Assert.Equal(0m, budget.Balance(year));
        }

        foreach (var (id, total) in PlanFigures.ApplicationTotals)
        {
            Assert.Equal(total, budget.IncomeLine(id).Amounts.Total);
        }

        Assert.Equal(954_000m, budget.IncomeTotal());
        Assert.Equal(954_000m, budget.ExpenseTotal());
    }

    [Fact]
    public void The_printed_totals_kept_in_the_seed_are_the_plans_and_none_differs_from_the_lines()
    {
        var printed = _seed.PrintedTotals;
        Assert.Equal(9, printed.Count);
        foreach (var (year, income, expenses) in PlanFigures.YearTotals)
        {
            Assert.Contains(new PrintedTotal(PrintedTotalKind.IncomeYear, income, year), printed);
            Assert.Contains(new PrintedTotal(PrintedTotalKind.ExpenseYear, expenses, year), printed);
        }

        foreach (var (id, total) in PlanFigures.ApplicationTotals)
        {
            Assert.Contains(new PrintedTotal(PrintedTotalKind.IncomeLineOverYears, total, null, id), printed);
        }

        Assert.Empty(PrintedTotalsCheck.Compare(_seed.Budget, printed));
    }

    [Fact]
    public void A_printed_total_the_lines_do_not_add_up_to_is_detected_and_named()
    {
        var printed = _seed.PrintedTotals
            .Select(t => t is { Kind: PrintedTotalKind.ExpenseYear, Year: 2024 } ? t with { Amount = 265_000m } : t)
            .Append(new PrintedTotal(PrintedTotalKind.IncomeLineOverYears, 200_000m, null, "aanvraag-werk-naar-werk"));

        var discrepancies = PrintedTotalsCheck.Compare(_seed.Budget, printed);

        Assert.Equal(2, discrepancies.Count);
        Assert.Equal(1_000m, discrepancies[0].Difference);
        Assert.Equal(
            "Totaal uitgaven 2024: afgedrukt € 265.000,00, de regels tellen op tot € 264.000,00 (verschil € 1.000,00).",
            discrepancies[0].Message);
        Assert.Equal(-50_000m, discrepancies[1].Difference);
        Assert.Contains("Aanvraag Projectbegeleiding Werk naar Werk", discrepancies[1].Message);
    }

    [Fact]
    public void Subtotals_per_category_source_and_funder_add_up_to_the_year()
    {
        var budget = _seed.Budget;
        Assert.Equal(
            [new NamedAmount("Subsidieaanvragen", 300_000m), new NamedAmount("Inzet partners", 0m), new NamedAmount("Deelnemersbijdragen", 45_000m)],
            budget.IncomeByCategory(2022));
        Assert.Equal(
            [new NamedAmount("FundingApplication", 200_000m), new NamedAmount("InKind", 0m), new NamedAmount("PartnerContribution", 64_000m)],
            budget.IncomeBySource(2024));
        Assert.Equal(new NamedAmount("Gemeenten", 250_000m + 45_000m), budget.IncomeByFunder().Single(f => f.Name == "Gemeenten"));
        Assert.Equal(
            [
                new NamedAmount("Inhuur", 180_000m),
                new NamedAmount("Ondersteuning", 60_000m),
                new NamedAmount("Communicatie en bijeenkomsten", 11_500m),
                new NamedAmount("Overige kosten", 12_500m),
            ],
            budget.ExpenseByCategory(2024));
        Assert.Equal(budget.ExpenseTotal(2024), budget.ExpenseByCategory(2024).Sum(c => c.Amount));
        Assert.Equal(budget.IncomeTotal(), budget.IncomeByCategory().Sum(c => c.Amount));
    }

    [Fact]
    public void A_year_view_carries_its_lines_and_totals_and_marks_a_blank_year()
    {
        var year = _seed.Budget.Year(2024);

        Assert.Equal(264_000m, year.IncomeTotal);
        Assert.Equal(264_000m, year.ExpenseTotal);
        Assert.Equal(0m, year.Balance);
        Assert.Equal(319_440m, year.ExpenseTotalIncludingVat);
        var huisNaarWerk = year.Expenses.Single(l => l.Id == "projectleider-huis-naar-werk");
        Assert.False(huisNaarWerk.Given);
        Assert.True(year.Expenses.Single(l => l.Id == "communicatie").Given);
    }

    [Fact]
    public void A_year_outside_the_budget_is_refused_naming_the_range()
    {
        var error = Assert.Throws<FinanceRuleViolation>(() => _seed.Budget.Year(2025));
        Assert.Equal("year", error.Violations.Single().Field);
        Assert.Equal("Het jaar 2025 valt buiten begroting v.13-01-2022 (2022–2024).", error.Message);
        Assert.Throws<FinanceRuleViolation>(() => _seed.Budget.IncomeTotal(2021));
    }

    [Fact]
    public void A_line_that_does_not_exist_is_named()
    {
        var error = Assert.Throws<FinanceRuleViolation>(() => _seed.Budget.ExpenseLine("catering"));
        Assert.Contains("'catering'", error.Message);
    }
}
