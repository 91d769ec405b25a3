using System.Net;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Llo.Finance.Api.Reports;
using Llo.Finance.Domain.Reports;
using Llo.Finance.Domain.Seed;
using Llo.Finance.Tests.Infrastructure;
using static Llo.Finance.Tests.Infrastructure.FinanceHost;

namespace Llo.Finance.Tests.Reports;

/// <summary>
/// The budget against its realisation per year and line, as JSON, CSV and a workbook with formulas, from the plan's
/// seeded budget and applications. Nothing here writes, so the class shares one database.
/// </summary>
public sealed class BudgetReportTests(FinanceHost host) : IClassFixture<FinanceHost>
{
    private const string Budgets = "/api/finance/v1/budgets";

    /// <summary>What the report must show: the plan's budget, applications and contributions as seeded.</summary>
    private static BudgetReport Expected(int year)
    {
        var seed = PlanSeed.Load();
        return BudgetReport.For(seed.Budget, seed.Applications, seed.Contributions, year);
    }

    [Fact]
    public async Task The_2022_report_has_every_line_with_the_plans_totals_and_21_percent_VAT_on_the_expenses()
    {
        var report = await BodyAsync(await host.Json.GetAsync($"{Budgets}/2022/report"));
        var expected = Expected(2022);

        Assert.Equal(2022, report.GetProperty("year").GetInt32());
        Assert.Equal(expected.Income.Count, report.GetProperty("income").GetArrayLength());
        Assert.Equal(expected.Expenses.Count, report.GetProperty("expenses").GetArrayLength());
        var income = report.GetProperty("incomeTotals");
        var expenses = report.GetProperty("expenseTotals");
        Assert.Equal(345_000m, Euros(income.GetProperty("budgeted")));
        Assert.Equal(345_000m, Euros(expenses.GetProperty("budgeted")));
        Assert.Equal(72_450m, Euros(expenses.GetProperty("vat")));
        Assert.Equal(417_450m, Euros(expenses.GetProperty("budgetedIncludingVat")));
        Assert.Equal(expected.IncomeTotals.Secured, Euros(income.GetProperty("secured")));
        Assert.Equal(expected.IncomeTotals.Expected, Euros(income.GetProperty("expected")));
        Assert.Equal(expected.ExpenseTotals.Expected, Euros(expenses.GetProperty("expected")));
        Assert.Equal(expected.ExpectedBalance, Euros(report.GetProperty("expectedBalance")));

        var manager = report.GetProperty("expenses").EnumerateArray().Single(l => l.GetProperty("id").GetString() == "programmamanager");
        Assert.Equal(99_000m, Euros(manager.GetProperty("budgeted")));
        Assert.Equal(20_790m, Euros(manager.GetProperty("vat")));
        Assert.StartsWith("BUDGET_REPORT_COVERAGE_", manager.GetProperty("coverage").GetString());
    }

    [Fact]
    public async Task The_CSV_is_for_Dutch_Excel_semicolons_decimal_commas_and_a_byte_order_mark()
    {
        var response = await host.Json.GetAsync($"{Budgets}/2022/report.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("begroting-2022-versie-1.csv", response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(';', BudgetReportCsv.Headers), lines[0]);
        Assert.StartsWith("Soort;Id;Omschrijving;Categorie;Herkomst;Prioriteit;Begroot excl. btw;Btw 21%", lines[0]);
        var expenses = lines.Single(l => l.StartsWith("Totaal uitgaven;", StringComparison.Ordinal)).Split(';');
        Assert.Equal(["345000,00", "72450,00", "417450,00"], expenses[6..9]);
        var manager = lines.Single(l => l.StartsWith("Uitgaven;programmamanager;", StringComparison.Ordinal)).Split(';');
        Assert.Equal(["Programmamanager LLO", "99000,00", "20790,00"], [manager[2], manager[6], manager[7]]);
        Assert.Equal(Expected(2022).Income.Count + Expected(2022).Expenses.Count + 4, lines.Length);
    }

    [Fact]
    public async Task The_workbook_holds_formulas_for_every_total_and_they_evaluate_to_the_computed_totals()
    {
        using var workbook = await WorkbookAsync($"{Budgets}/2023/report.xlsx");
        var budget = workbook.Worksheet(BudgetSheet.Name);
        var plan = PlanSeed.Load().Budget;

        var incomeTotal = RowOf(budget, "Totaal inkomsten");
        var expenseTotal = RowOf(budget, "Totaal uitgaven");
        foreach (var (year, column) in plan.Years.Select((y, i) => (y, BudgetSheet.FirstYearColumn + i)))
        {
            Assert.Equal(year, budget.Cell(BudgetSheet.HeaderRow, column).GetValue<int>());
            AssertFormula(budget.Cell(incomeTotal, column), plan.IncomeTotal(year));
            AssertFormula(budget.Cell(expenseTotal, column), plan.ExpenseTotal(year));
            AssertFormula(budget.Cell(RowOf(budget, "Saldo"), column), plan.Balance(year));
        }

        AssertFormula(budget.Cell(expenseTotal, BudgetSheet.FirstYearColumn + 3), plan.ExpenseTotal());

        var realisation = workbook.Worksheet(BudgetWorkbook.RealisationSheetName(2023));
        var expected = Expected(2023);
        var expenseRow = RowOf(realisation, "Totaal uitgaven");
        AssertFormula(realisation.Cell(expenseRow, 7), expected.ExpenseTotals.Budgeted);
        AssertFormula(realisation.Cell(expenseRow, 8), expected.ExpenseTotals.Vat);
        AssertFormula(realisation.Cell(expenseRow, 9), expected.ExpenseTotals.BudgetedIncludingVat);
        AssertFormula(realisation.Cell(expenseRow, 11), expected.ExpenseTotals.Expected);
        AssertFormula(realisation.Cell(expenseRow, 12), expected.ExpenseTotals.Shortfall);
        AssertFormula(realisation.Cell(RowOf(realisation, "Totaal inkomsten"), 12), expected.IncomeTotals.Shortfall);
        AssertFormula(realisation.Cell(RowOf(realisation, "Saldo"), 11), expected.ExpectedBalance);
    }

    [Fact]
    public async Task Editing_a_figure_in_the_workbook_makes_the_totals_on_both_sheets_follow()
    {
        using var workbook = await WorkbookAsync($"{Budgets}/2022/report.xlsx");
        var budget = workbook.Worksheet(BudgetSheet.Name);
        var realisation = workbook.Worksheet(BudgetWorkbook.RealisationSheetName(2022));
        var managerRow = budget.RowsUsed().Single(r => r.Cell(BudgetSheet.IdColumn).GetString() == "programmamanager").RowNumber();

        budget.Cell(managerRow, BudgetSheet.FirstYearColumn).Value = 100_000;

        Assert.Equal(346_000m, Value(budget.Cell(RowOf(budget, "Totaal uitgaven"), BudgetSheet.FirstYearColumn)));
        Assert.Equal(-1_000m, Value(budget.Cell(RowOf(budget, "Saldo"), BudgetSheet.FirstYearColumn)));
        var expenseRow = RowOf(realisation, "Totaal uitgaven");
        Assert.Equal(346_000m, Value(realisation.Cell(expenseRow, 7)));
        Assert.Equal(72_660m, Value(realisation.Cell(expenseRow, 8)));
        Assert.Equal(418_660m, Value(realisation.Cell(expenseRow, 9)));
    }

    [Fact]
    public async Task An_older_version_is_asked_for_by_number_and_an_unknown_one_is_404()
    {
        var first = await BodyAsync(await host.Json.GetAsync($"{Budgets}/2024/report?version=1"));
        Assert.Equal(1, first.GetProperty("version").GetProperty("number").GetInt32());

        var missing = await BodyAsync(await host.Json.GetAsync($"{Budgets}/2024/report.xlsx?version=99"), HttpStatusCode.NotFound);
        Assert.Contains("Versie 99 van de begroting bestaat niet", missing.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("/twintig/report", "year", "Geen geldig jaar")]
    [InlineData("/twintig/report.csv", "year", "Geen geldig jaar")]
    [InlineData("/2022/report.xlsx?version=-1", "version", "Het versienummer -1 bestaat niet")]
    [InlineData("/2022/report?version=-1", "version", "Het versienummer -1 bestaat niet")]
    [InlineData("/2022/report.csv?version=twee", "version", "Geen geldig versienummer")]
    public async Task Bad_input_is_400_naming_the_field_in_Dutch(string path, string field, string message)
    {
        var body = await BodyAsync(await host.Json.GetAsync(Budgets + path), HttpStatusCode.BadRequest);

        var violation = Assert.Single(body.GetProperty("details").EnumerateArray()
            .SelectMany(d => d.TryGetProperty("fieldViolations", out var v) ? v.EnumerateArray() : default(JsonElement.ArrayEnumerator)));
        Assert.Equal(field, violation.GetProperty("field").GetString());
        Assert.StartsWith(message, violation.GetProperty("description").GetString());
    }

    [Theory]
    [InlineData("/2031/report")]
    [InlineData("/2031/report.csv")]
    public async Task A_year_outside_the_budget_is_404_in_Dutch(string path)
    {
        var body = await BodyAsync(await host.Json.GetAsync(Budgets + path), HttpStatusCode.NotFound);

        Assert.Contains("Het jaar 2031 valt buiten de begroting", body.GetProperty("message").GetString());
    }

    private async Task<XLWorkbook> WorkbookAsync(string path)
    {
        var response = await host.Json.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(BudgetWorkbook.ContentType, response.Content.Headers.ContentType?.MediaType);
        return new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }

    private static int RowOf(IXLWorksheet sheet, string firstCell) =>
        sheet.RowsUsed().Single(r => r.Cell(1).GetString() == firstCell).RowNumber();

    private static void AssertFormula(IXLCell cell, decimal expected)
    {
        Assert.True(cell.HasFormula, $"{cell.Address} holds no formula but '{cell.GetString()}'");
        Assert.Equal(expected, Value(cell));
    }

    /// <summary>The evaluated cell in euros: the spreadsheet computes in binary floating point, so compare at cents.</summary>
    private static decimal Value(IXLCell cell) => Math.Round(Convert.ToDecimal(cell.Value, System.Globalization.CultureInfo.InvariantCulture), 2);
}
