using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ClosedXML.Excel;
using Llo.Finance.Api.Reports;
using Llo.Finance.Tests.Infrastructure;
using static Llo.Finance.Tests.Imports.ImportRequests;
using static Llo.Finance.Tests.Infrastructure.FinanceHost;

namespace Llo.Finance.Tests.Imports;

/// <summary>
/// A budget version imported from the export's own workbook: validated line by line, stored whole or not at all, and
/// the earlier versions still readable.
/// </summary>
public sealed class BudgetImportTests(FinanceHost host) : IClassFixture<FinanceHost>
{
    private const string Budgets = "/api/finance/v1/budgets";

    private async Task<int> LatestAsync() =>
        (await BodyAsync(await host.Json.GetAsync(Budgets))).GetProperty("version").GetProperty("number").GetInt32();

    private async Task<JsonElement> ReportAsync(int year, int? version = null) =>
        await BodyAsync(await host.Json.GetAsync($"{Budgets}/{year}/report" + (version is { } v ? $"?version={v}" : "")));

    private static decimal Total(JsonElement report, string group, string field = "budgeted") => Euros(report.GetProperty(group).GetProperty(field));

    [Fact]
    public async Task Export_then_import_gives_a_new_version_with_the_same_totals_and_keeps_the_old_one()
    {
        var before = await LatestAsync();
        var response = await host.Json.SendAsync(Import(await ExportAsync(host, 2023)));

        var created = await BodyAsync(response, HttpStatusCode.Created);
        var number = created.GetProperty("version").GetProperty("number").GetInt32();
        Assert.Equal(before + 1, number);
        Assert.Equal("v.13-01-2022", created.GetProperty("version").GetProperty("label").GetString());
        Assert.Equal(number, await LatestAsync());
        foreach (var year in new[] { 2022, 2023, 2024 })
        {
            var old = await ReportAsync(year, before);
            var imported = await ReportAsync(year, number);
            Assert.Equal(Total(old, "incomeTotals"), Total(imported, "incomeTotals"));
            Assert.Equal(Total(old, "expenseTotals"), Total(imported, "expenseTotals"));
            Assert.Equal(Total(old, "expenseTotals", "vat"), Total(imported, "expenseTotals", "vat"));
            Assert.Equal(Total(old, "incomeTotals", "expected"), Total(imported, "incomeTotals", "expected"));
            Assert.Equal(old.GetProperty("expenses").GetArrayLength(), imported.GetProperty("expenses").GetArrayLength());
        }
    }

    [Fact]
    public async Task An_edited_figure_and_a_new_line_become_the_latest_version_and_the_earlier_version_stays_readable()
    {
        var before = await LatestAsync();
        var workbook = Edited(await ExportAsync(host), sheet =>
        {
            sheet.Cell(RowOf(sheet, "programmamanager"), BudgetSheet.FirstYearColumn).Value = 100_000;
            var row = sheet.LastRowUsed()!.RowNumber() + 2;
            sheet.Cell(row, 1).Value = "Uitgaven";
            sheet.Cell(row, 2).Value = "campagne";
            sheet.Cell(row, 3).SetValue("=1+1 campagne");
            sheet.Cell(row, 4).Value = "Communicatie";
            sheet.Cell(row, 7).Value = 5;
            sheet.Cell(row, BudgetSheet.FirstYearColumn + 1).Value = 2_500.5;
        });

        await BodyAsync(await host.Json.SendAsync(Import(workbook)), HttpStatusCode.Created);

        Assert.Equal(346_000m, Total(await ReportAsync(2022), "expenseTotals"));
        Assert.Equal(347_500.5m, Total(await ReportAsync(2023), "expenseTotals"));
        Assert.Equal(345_000m, Total(await ReportAsync(2022, before), "expenseTotals"));
        using var exported = new XLWorkbook(new MemoryStream(await ExportAsync(host, 2023)));
        var description = exported.Worksheet(BudgetSheet.Name).Cell(RowOf(exported.Worksheet(BudgetSheet.Name), "campagne"), BudgetSheet.DescriptionColumn);
        Assert.False(description.HasFormula);
        Assert.Equal("=1+1 campagne", description.GetString());
    }

    [Fact]
    public async Task Every_refused_line_is_named_with_its_cell_and_row_in_one_error_and_nothing_is_stored()
    {
        var before = await LatestAsync();
        int managerRow = 0, incomeRow = 0, leaderRow = 0;
        var workbook = Edited(await ExportAsync(host), sheet =>
        {
            managerRow = RowOf(sheet, "programmamanager");
            incomeRow = RowOf(sheet, "aanvraag-programmamanagement");
            leaderRow = RowOf(sheet, "projectleider-school-naar-werk");
            sheet.Cell(managerRow, BudgetSheet.FirstYearColumn + 1).Value = -5;
            sheet.Cell(incomeRow, BudgetSheet.SourceColumn).Value = "Loterij";
            sheet.Cell(leaderRow, BudgetSheet.FirstYearColumn).Value = "veel";
            sheet.Cell(leaderRow, BudgetSheet.IdColumn).Value = "programmamanager";
        });

        var body = await BodyAsync(await host.Json.SendAsync(Import(workbook)), HttpStatusCode.BadRequest);

        var violations = Violations(body);
        Assert.Equal($"Rij {managerRow}: het bedrag voor 2023 is negatief; geef 0 of meer.", violations[$"Begroting!I{managerRow}"]);
        Assert.StartsWith($"Rij {incomeRow}: onbekende bron 'Loterij'; kies uit 'Subsidieaanvraag'", violations[$"Begroting!E{incomeRow}"]);
        Assert.StartsWith($"Rij {leaderRow}: het bedrag voor 2022 is geen getal ('veel')", violations[$"Begroting!H{leaderRow}"]);
        Assert.Equal(before, await LatestAsync());
    }

    [Fact]
    public async Task A_duplicate_id_is_refused_by_the_budget_rules_naming_the_row()
    {
        var before = await LatestAsync();
        var leaderRow = 0;
        var workbook = Edited(await ExportAsync(host), sheet =>
        {
            leaderRow = RowOf(sheet, "projectleider-school-naar-werk");
            sheet.Cell(leaderRow, BudgetSheet.IdColumn).Value = "programmamanager";
        });

        var body = await BodyAsync(await host.Json.SendAsync(Import(workbook)), HttpStatusCode.BadRequest);

        Assert.Contains("het id 'programmamanager' komt al eerder voor", Violations(body)[$"Begroting!B{leaderRow}"]);
        Assert.StartsWith($"Rij {leaderRow}: ", Violations(body)[$"Begroting!B{leaderRow}"]);
        Assert.Equal(before, await LatestAsync());
    }

    [Fact]
    public async Task A_workbook_sent_as_a_form_file_is_imported_too()
    {
        var before = await LatestAsync();
        var form = new MultipartFormDataContent { { new ByteArrayContent(await ExportAsync(host)), "bestand", "begroting.xlsx" } };

        var created = await BodyAsync(await host.Json.PostAsync(ImportRequests.Path, form), HttpStatusCode.Created);

        Assert.Equal(before + 1, created.GetProperty("version").GetProperty("number").GetInt32());
    }

    [Theory]
    [InlineData(0, "Stuur een Excel-werkmap")]
    [InlineData(100, "Het bestand is geen leesbare Excel-werkmap")]
    public async Task No_workbook_or_something_else_is_400_naming_the_file(int size, string message)
    {
        var request = Import(Enumerable.Repeat((byte)'x', size).ToArray());

        var body = await BodyAsync(await host.Json.SendAsync(request), HttpStatusCode.BadRequest);

        Assert.StartsWith(message, Violations(body)["bestand"]);
    }

    [Fact]
    public async Task A_workbook_without_the_sheet_Begroting_is_400()
    {
        using var book = new XLWorkbook();
        book.AddWorksheet("Blad1").Cell(1, 1).Value = "iets";
        using var stream = new MemoryStream();
        book.SaveAs(stream);

        var body = await BodyAsync(await host.Json.SendAsync(Import(stream.ToArray())), HttpStatusCode.BadRequest);

        Assert.StartsWith("De werkmap heeft geen blad 'Begroting'", Violations(body)["bestand"]);
    }

    [Fact]
    public async Task A_body_over_the_services_limit_is_413_and_nothing_is_stored()
    {
        var before = await LatestAsync();
        var request = Import(new byte[2 * 1024 * 1024]);

        var response = await host.Json.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await LatestAsync());
    }

    private static Dictionary<string, string> Violations(JsonElement body) =>
        body.GetProperty("details").EnumerateArray()
            .SelectMany(d => d.TryGetProperty("fieldViolations", out var v) ? v.EnumerateArray() : default(JsonElement.ArrayEnumerator))
            .ToDictionary(v => v.GetProperty("field").GetString()!, v => v.GetProperty("description").GetString()!);
}
