using ClosedXML.Excel;
using Llo.Finance.Api.Events;
using Llo.Finance.Domain.Budgets;
using Llo.Finance.Domain.Reports;

namespace Llo.Finance.Api.Reports;

/// <summary>
/// The budget report as an .xlsx workbook for the treasurer, with real formulas wherever the budget has a total, so an
/// edited figure moves every total that depends on it. Sheet "Begroting" is the whole version in the plan's own table
/// (<see cref="BudgetSheet"/>; the import reads it back as a new version); sheet "Realisatie {year}" is the year against
/// its realisation, its budgeted amounts referring to "Begroting", its VAT, shortfalls and totals formulas, and what
/// applications and contributions secured and are expected to bring as values the service computed.
/// </summary>
public static class BudgetWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string AmountFormat = "#,##0.00";

    public static string RealisationSheetName(int year) => $"Realisatie {year}";

    public static byte[] Write(BudgetReport report, IReadOnlyList<StoredCandidateExpenseLine> candidates)
    {
        using var workbook = new XLWorkbook();
        var lineCells = WriteBudget(workbook.AddWorksheet(BudgetSheet.Name), report.Version, candidates);
        WriteRealisation(workbook.AddWorksheet(RealisationSheetName(report.Year)), report, lineCells);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>Writes the version; answers, per line kind and id, the row of the line on this sheet.</summary>
    private static Dictionary<(string Kind, string Id), int> WriteBudget(IXLWorksheet sheet, BudgetVersion version, IReadOnlyList<StoredCandidateExpenseLine> candidates)
    {
        var years = version.Years.ToList();
        var totalColumn = BudgetSheet.FirstYearColumn + years.Count;
        Text(sheet.Cell(BudgetSheet.LabelRow, 1), "Begroting");
        Text(sheet.Cell(BudgetSheet.LabelRow, 2), version.Label);
        Text(sheet.Cell(BudgetSheet.DateRow, 1), "Datum");
        sheet.Cell(BudgetSheet.DateRow, 2).SetValue(version.Date.ToDateTime(TimeOnly.MinValue)).Style.DateFormat.Format = "dd-mm-yyyy";
        Text(sheet.Cell(3, 1), "Alle bedragen in euro's, exclusief btw. Totalen en saldo zijn formules; bij importeren telt alleen wat op de regels staat.");

        for (var c = 0; c < BudgetSheet.Headers.Length; c++)
        {
            Text(sheet.Cell(BudgetSheet.HeaderRow, c + 1), BudgetSheet.Headers[c]);
        }

        for (var y = 0; y < years.Count; y++)
        {
            sheet.Cell(BudgetSheet.HeaderRow, BudgetSheet.FirstYearColumn + y).SetValue(years[y]);
        }

        Text(sheet.Cell(BudgetSheet.HeaderRow, totalColumn), BudgetSheet.TotalHeader);
        sheet.Row(BudgetSheet.HeaderRow).Style.Font.Bold = true;

        var rows = new Dictionary<(string, string), int>();
        var row = BudgetSheet.FirstLineRow;
        var incomeFirst = row;
        foreach (var line in version.IncomeLines)
        {
            rows[(ReportLabels.Income, line.Id)] = row;
            LineRow(sheet, row++, ReportLabels.Income, line.Id, line.Description, line.Category, ReportLabels.Dutch(line.Source), line.Funder, null, line.Amounts, years);
        }

        var incomeTotal = row;
        TotalRow(sheet, row++, "Totaal inkomsten", incomeFirst, incomeTotal - 1, years.Count);
        row++;
        var expenseFirst = row;
        foreach (var line in version.ExpenseLines)
        {
            rows[(ReportLabels.Expense, line.Id)] = row;
            LineRow(sheet, row++, ReportLabels.Expense, line.Id, line.Description, line.Category, "", "", line.Priority, line.Amounts, years);
        }

        var expenseTotal = row;
        TotalRow(sheet, row++, "Totaal uitgaven", expenseFirst, expenseTotal - 1, years.Count);
        row++;
        Text(sheet.Cell(row, 1), "Saldo");
        for (var c = BudgetSheet.FirstYearColumn; c <= totalColumn; c++)
        {
            Formula(sheet.Cell(row, c), $"{BudgetSheet.Cell(incomeTotal, c)}-{BudgetSheet.Cell(expenseTotal, c)}");
        }

        sheet.Row(row).Style.Font.Bold = true;
        WriteCandidates(sheet, row + 2, version, candidates, years);
        sheet.Column(BudgetSheet.DescriptionColumn).Width = 45;
        return rows;
    }

    /// <summary>
    /// Pilots the board scaled up, below the budget, as lines ready to take over: the inventory's yearly estimate in every
    /// year after the decision, a priority below the budget's lines. Column A "Kandidaat" keeps them out of an import.
    /// </summary>
    private static void WriteCandidates(IXLWorksheet sheet, int row, BudgetVersion version, IReadOnlyList<StoredCandidateExpenseLine> candidates, IReadOnlyList<int> years)
    {
        if (candidates.Count == 0)
        {
            return;
        }

        Text(sheet.Cell(row, BudgetSheet.KindColumn), BudgetSheet.CandidateKind + "en");
        Text(sheet.Cell(row++, BudgetSheet.DescriptionColumn),
            $"Opgeschaalde pilots uit de inventarisatie. Zet '{ReportLabels.Expense}' in kolom A om een regel mee te nemen in de nieuwe versie.");
        var priority = version.ExpenseLines.Select(l => l.Priority).DefaultIfEmpty(0).Max() + 1;
        foreach (var candidate in candidates)
        {
            var amounts = candidate.YearlyEstimateCents is { } cents
                ? new AmountsPerYear(years.Where(y => y > candidate.DecidedOn.Year).ToDictionary(y => y, _ => cents / 100m))
                : AmountsPerYear.None;
            LineRow(sheet, row++, BudgetSheet.CandidateKind, candidate.LineId, candidate.Description, "Opschaling", "", "", priority, amounts, years);
        }
    }

    private static void LineRow(IXLWorksheet sheet, int row, string kind, string id, string description, string category, string source,
        string funder, int? priority, AmountsPerYear amounts, IReadOnlyList<int> years)
    {
        Text(sheet.Cell(row, BudgetSheet.KindColumn), kind);
        Text(sheet.Cell(row, BudgetSheet.IdColumn), id);
        Text(sheet.Cell(row, BudgetSheet.DescriptionColumn), description);
        Text(sheet.Cell(row, BudgetSheet.CategoryColumn), category);
        Text(sheet.Cell(row, BudgetSheet.SourceColumn), source);
        Text(sheet.Cell(row, BudgetSheet.FunderColumn), funder);
        if (priority is { } p)
        {
            sheet.Cell(row, BudgetSheet.PriorityColumn).SetValue(p);
        }

        for (var y = 0; y < years.Count; y++)
        {
            // A blank year stays blank: the plan tells "-€" (zero) and an empty cell apart.
            if (amounts.Given(years[y]) is { } amount)
            {
                Amount(sheet.Cell(row, BudgetSheet.FirstYearColumn + y), amount);
            }
        }

        var last = BudgetSheet.FirstYearColumn + years.Count - 1;
        Formula(sheet.Cell(row, last + 1), $"SUM({BudgetSheet.Cell(row, BudgetSheet.FirstYearColumn)}:{BudgetSheet.Cell(row, last)})");
    }

    private static void TotalRow(IXLWorksheet sheet, int row, string name, int first, int last, int yearCount)
    {
        Text(sheet.Cell(row, 1), name);
        for (var c = BudgetSheet.FirstYearColumn; c <= BudgetSheet.FirstYearColumn + yearCount; c++)
        {
            // An empty range (a version without income lines) still needs a formula that gives 0.
            Formula(sheet.Cell(row, c), last < first ? "0" : $"SUM({BudgetSheet.Cell(first, c)}:{BudgetSheet.Cell(last, c)})");
        }

        sheet.Row(row).Style.Font.Bold = true;
    }

    // Columns of the realisation sheet, the same as the CSV's.
    private const int Budgeted = 7, VatColumn = 8, Including = 9, Secured = 10, Expected = 11, Shortfall = 12, CoverageColumn = 13;
    private const int RealisationHeaderRow = 3;

    private static void WriteRealisation(IXLWorksheet sheet, BudgetReport report, Dictionary<(string Kind, string Id), int> budgetRows)
    {
        var budgetColumn = BudgetSheet.FirstYearColumn + (report.Year - report.Version.FirstYear);
        Text(sheet.Cell(1, 1), $"Begroting tegen realisatie {report.Year}, versie {report.Version.Label}; bedragen in euro's, exclusief btw tenzij er 'incl. btw' staat.");
        for (var c = 0; c < BudgetReportCsv.Headers.Length; c++)
        {
            Text(sheet.Cell(RealisationHeaderRow, c + 1), BudgetReportCsv.Headers[c]);
        }

        sheet.Row(RealisationHeaderRow).Style.Font.Bold = true;
        var row = RealisationHeaderRow + 1;
        var incomeFirst = row;
        foreach (var line in report.Income)
        {
            RealisationRow(sheet, row++, ReportLabels.Income, line, BudgetReference(budgetRows, ReportLabels.Income, line.Id, budgetColumn));
        }

        var incomeTotal = row;
        RealisationTotal(sheet, row++, "Totaal inkomsten", incomeFirst, incomeTotal - 1, withVat: false);
        var expenseFirst = row;
        foreach (var line in report.Expenses)
        {
            RealisationRow(sheet, row++, ReportLabels.Expense, line, BudgetReference(budgetRows, ReportLabels.Expense, line.Id, budgetColumn));
        }

        var expenseTotal = row;
        RealisationTotal(sheet, row++, "Totaal uitgaven", expenseFirst, expenseTotal - 1, withVat: true);
        Text(sheet.Cell(row, 1), "Saldo");
        Text(sheet.Cell(row, 3), "begroot en verwacht min begrote uitgaven");
        Formula(sheet.Cell(row, Budgeted), $"{BudgetSheet.Cell(incomeTotal, Budgeted)}-{BudgetSheet.Cell(expenseTotal, Budgeted)}");
        Formula(sheet.Cell(row, Expected), $"{BudgetSheet.Cell(incomeTotal, Expected)}-{BudgetSheet.Cell(expenseTotal, Budgeted)}");
        sheet.Row(row).Style.Font.Bold = true;
        sheet.Column(3).Width = 45;
    }

    /// <summary>The line's budgeted cell on "Begroting" for the year, or null for a row the budget does not hold ("Niet begroot").</summary>
    private static string? BudgetReference(Dictionary<(string Kind, string Id), int> budgetRows, string kind, string id, int column) =>
        budgetRows.TryGetValue((kind, id), out var budgetRow) ? $"'{BudgetSheet.Name}'!{BudgetSheet.Cell(budgetRow, column)}" : null;

    private static void RealisationRow(IXLWorksheet sheet, int row, string kind, BudgetReportLine line, string? budgetCell)
    {
        Text(sheet.Cell(row, 1), kind);
        Text(sheet.Cell(row, 2), line.Id);
        Text(sheet.Cell(row, 3), line.Description);
        Text(sheet.Cell(row, 4), line.Category);
        Text(sheet.Cell(row, 5), line.Funder);
        if (line.Priority is { } priority)
        {
            sheet.Cell(row, 6).SetValue(priority);
        }

        if (budgetCell is null)
        {
            Amount(sheet.Cell(row, Budgeted), line.Budgeted);
        }
        else
        {
            Formula(sheet.Cell(row, Budgeted), budgetCell);
        }

        if (line.Coverage is not null)
        {
            Formula(sheet.Cell(row, VatColumn), $"ROUND({BudgetSheet.Cell(row, Budgeted)}*21%,2)");
            Formula(sheet.Cell(row, Including), $"{BudgetSheet.Cell(row, Budgeted)}+{BudgetSheet.Cell(row, VatColumn)}");
        }

        Amount(sheet.Cell(row, Secured), line.Secured);
        Amount(sheet.Cell(row, Expected), line.Expected);
        Formula(sheet.Cell(row, Shortfall), $"{BudgetSheet.Cell(row, Budgeted)}-{BudgetSheet.Cell(row, Expected)}");
        Text(sheet.Cell(row, CoverageColumn), ReportLabels.Dutch(line.Coverage));
    }

    private static void RealisationTotal(IXLWorksheet sheet, int row, string name, int first, int last, bool withVat)
    {
        Text(sheet.Cell(row, 1), name);
        foreach (var column in new[] { Budgeted, VatColumn, Including, Secured, Expected, Shortfall })
        {
            if (!withVat && column is VatColumn or Including)
            {
                continue;
            }

            Formula(sheet.Cell(row, column), last < first ? "0" : $"SUM({BudgetSheet.Cell(first, column)}:{BudgetSheet.Cell(last, column)})");
        }

        sheet.Row(row).Style.Font.Bold = true;
    }

    /// <summary>Text as text: ClosedXML would take a value starting with "=" for a formula.</summary>
    private static void Text(IXLCell cell, string text) => cell.SetValue(text);

    private static void Amount(IXLCell cell, decimal euros)
    {
        cell.SetValue(euros);
        cell.Style.NumberFormat.Format = AmountFormat;
    }

    private static void Formula(IXLCell cell, string formula)
    {
        cell.FormulaA1 = formula;
        cell.Style.NumberFormat.Format = AmountFormat;
    }
}
