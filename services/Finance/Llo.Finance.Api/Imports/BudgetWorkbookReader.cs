using System.Globalization;
using System.IO.Compression;
using ClosedXML.Excel;
using Llo.Finance.Api.Reports;
using Llo.Finance.Domain;
using Llo.Finance.Domain.Budgets;

namespace Llo.Finance.Api.Imports;

/// <summary>
/// Reads a budget version from the sheet "Begroting" of a workbook in the export's layout (<see cref="BudgetSheet"/>).
/// Every refused cell is named the way a spreadsheet user finds it ("Begroting!H7") with the row in a Dutch reason;
/// all problems are collected and thrown together, and nothing is returned unless every line is valid.
/// </summary>
public static class BudgetWorkbookReader
{
    public const string FileField = "bestand";
    public const int MaxLines = 500;

    // A workbook is a zip: what it unpacks to is bounded too, so a small upload cannot unfold into gigabytes of XML.
    private const long MaxUnpackedBytes = 32L * 1024 * 1024;
    private const int MaxZipEntries = 200;
    private const int MaxRows = 2000;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d-M-yyyy", "dd-MM-yyyy"];

    /// <summary>The version's content, numbered <paramref name="number"/>; InvalidArgument with every refused cell otherwise.</summary>
    public static BudgetVersion Read(byte[] file, int number)
    {
        var violations = new FieldViolations();
        using var workbook = Open(file, violations);
        violations.ThrowIfAny();
        if (!workbook!.TryGetWorksheet(BudgetSheet.Name, out var sheet))
        {
            violations.Add(FileField, $"De werkmap heeft geen blad '{BudgetSheet.Name}': importeer een werkmap in de opmaak van de export (report.xlsx).");
            violations.ThrowIfAny();
        }

        var label = TextField.Check(Text(sheet.Cell(BudgetSheet.LabelRow, 2)), Field(BudgetSheet.LabelRow, 2), $"Rij {BudgetSheet.LabelRow}: de naam van de versie", 100, required: true, violations);
        var date = DateOf(sheet.Cell(BudgetSheet.DateRow, 2), violations);
        var years = YearsOf(sheet, violations);
        violations.ThrowIfAny();

        var income = new List<(IncomeLine Line, int Row)>();
        var expenses = new List<(ExpenseLine Line, int Row)>();
        var lastRow = sheet.LastRowUsed()?.RowNumber() ?? 0;
        if (lastRow > MaxRows)
        {
            violations.Add(FileField, $"Het blad '{BudgetSheet.Name}' is te lang: hoogstens {MaxRows} rijen (nu {lastRow}).");
            violations.ThrowIfAny();
        }

        for (var row = BudgetSheet.FirstLineRow; row <= lastRow; row++)
        {
            ReadRow(sheet, row, years, income, expenses, violations);
        }

        if (income.Count + expenses.Count == 0)
        {
            violations.Add(Field(BudgetSheet.FirstLineRow, BudgetSheet.KindColumn), $"Het blad '{BudgetSheet.Name}' heeft geen regels: zet 'Inkomsten' of 'Uitgaven' in kolom A.");
        }
        else if (income.Count + expenses.Count > MaxLines)
        {
            violations.Add(FileField, $"Hoogstens {MaxLines} regels (nu {income.Count + expenses.Count}).");
        }

        violations.ThrowIfAny();
        try
        {
            return BudgetVersion.Create(number, label, date!.Value, years[0].Year, years[^1].Year, income.Select(i => i.Line), expenses.Select(e => e.Line));
        }
        catch (FinanceRuleViolation refusal)
        {
            foreach (var violation in refusal.Violations)
            {
                var (field, row) = CellOf(violation.Field, income.Select(i => i.Row).ToList(), expenses.Select(e => e.Row).ToList(), years);
                violations.Add(field, row is null ? violation.Message : $"Rij {row}: {violation.Message}");
            }

            violations.ThrowIfAny();
            throw;
        }
    }

    private static XLWorkbook? Open(byte[] file, FieldViolations violations)
    {
        if (file.Length == 0)
        {
            violations.Add(FileField, "Stuur een Excel-werkmap (.xlsx) mee, als body of als bestand in een formulier.");
            return null;
        }

        try
        {
            using (var zip = new ZipArchive(new MemoryStream(file), ZipArchiveMode.Read))
            {
                if (zip.Entries.Count > MaxZipEntries || zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
                {
                    violations.Add(FileField, $"De werkmap is uitgepakt te groot (hoogstens {MaxUnpackedBytes / 1024 / 1024} MiB en {MaxZipEntries} onderdelen).");
                    return null;
                }
            }

            return new XLWorkbook(new MemoryStream(file));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or ArgumentException or InvalidOperationException
                                      or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or System.Xml.XmlException)
        {
            violations.Add(FileField, "Het bestand is geen leesbare Excel-werkmap (.xlsx).");
            return null;
        }
    }

    private static DateOnly? DateOf(IXLCell cell, FieldViolations violations)
    {
        var field = Field(cell.Address.RowNumber, cell.Address.ColumnNumber);
        if (cell.DataType == XLDataType.DateTime)
        {
            return DateOnly.FromDateTime(cell.GetDateTime());
        }

        if (DateOnly.TryParseExact(Text(cell), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        violations.Add(field, $"Rij {BudgetSheet.DateRow}: de datum van de versie ontbreekt of is geen datum (bijvoorbeeld 13-01-2022).");
        return null;
    }

    /// <summary>The year columns of the header row: consecutive years from column H up to "Totaal" or an empty cell.</summary>
    private static List<(int Year, int Column)> YearsOf(IXLWorksheet sheet, FieldViolations violations)
    {
        for (var c = 0; c < BudgetSheet.Headers.Length; c++)
        {
            if (!string.Equals(Text(sheet.Cell(BudgetSheet.HeaderRow, c + 1)), BudgetSheet.Headers[c], StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(Field(BudgetSheet.HeaderRow, c + 1), $"Rij {BudgetSheet.HeaderRow}: hier hoort de kolomkop '{BudgetSheet.Headers[c]}' (de opmaak van de export).");
            }
        }

        var years = new List<(int, int)>();
        for (var column = BudgetSheet.FirstYearColumn; column < BudgetSheet.FirstYearColumn + BudgetValidation.MaximumYears + 1; column++)
        {
            var text = Text(sheet.Cell(BudgetSheet.HeaderRow, column));
            if (text.Length == 0 || string.Equals(text, BudgetSheet.TotalHeader, StringComparison.OrdinalIgnoreCase))
            {
                break;
            }

            var expected = years.Count == 0 ? (int?)null : years[^1].Item1 + 1;
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100 || (expected is { } e && year != e))
            {
                violations.Add(Field(BudgetSheet.HeaderRow, column),
                    $"Rij {BudgetSheet.HeaderRow}: '{Echo.Of(text)}' is geen begrotingsjaar" + (expected is { } next ? $"; na {next - 1} komt {next}." : " (2000 tot en met 2100)."));
                return years;
            }

            years.Add((year, column));
        }

        if (years.Count == 0)
        {
            violations.Add(Field(BudgetSheet.HeaderRow, BudgetSheet.FirstYearColumn), $"Rij {BudgetSheet.HeaderRow}: zet de jaren als kolomkoppen vanaf kolom H (bijvoorbeeld 2022, 2023, 2024).");
        }
        else if (years.Count > BudgetValidation.MaximumYears)
        {
            violations.Add(Field(BudgetSheet.HeaderRow, BudgetSheet.FirstYearColumn), $"Rij {BudgetSheet.HeaderRow}: hoogstens {BudgetValidation.MaximumYears} jaren.");
        }

        return years;
    }

    private static void ReadRow(IXLWorksheet sheet, int row, List<(int Year, int Column)> years,
        List<(IncomeLine, int)> income, List<(ExpenseLine, int)> expenses, FieldViolations violations)
    {
        var kind = Text(sheet.Cell(row, BudgetSheet.KindColumn));
        var isIncome = string.Equals(kind, ReportLabels.Income, StringComparison.OrdinalIgnoreCase);
        var isExpense = string.Equals(kind, ReportLabels.Expense, StringComparison.OrdinalIgnoreCase);
        if (!isIncome && !isExpense)
        {
            // Totals and the balance are computed, never read; a row with figures but no kind is a line someone forgot to mark.
            var computed = kind.StartsWith("Totaal", StringComparison.OrdinalIgnoreCase) || string.Equals(kind, "Saldo", StringComparison.OrdinalIgnoreCase)
                || kind.StartsWith(BudgetSheet.CandidateKind, StringComparison.OrdinalIgnoreCase);
            if (!computed && (kind.Length > 0 || !sheet.Row(row).Cells(BudgetSheet.IdColumn, BudgetSheet.FirstYearColumn + years.Count - 1).All(c => c.IsEmpty())))
            {
                violations.Add(Field(row, BudgetSheet.KindColumn),
                    $"Rij {row}: kolom A zegt niet wat de regel is ('{Echo.Of(kind)}'); kies '{ReportLabels.Income}' of '{ReportLabels.Expense}' (rijen met 'Totaal', 'Saldo' of 'Kandidaat' worden overgeslagen).");
            }

            return;
        }

        var before = violations.Count;
        var id = TextField.Check(Text(sheet.Cell(row, BudgetSheet.IdColumn)), Field(row, BudgetSheet.IdColumn), $"Rij {row}: het id", 100, required: true, violations);
        var description = TextField.Check(Text(sheet.Cell(row, BudgetSheet.DescriptionColumn)), Field(row, BudgetSheet.DescriptionColumn), $"Rij {row}: de omschrijving", 200, required: true, violations);
        var category = TextField.Check(Text(sheet.Cell(row, BudgetSheet.CategoryColumn)), Field(row, BudgetSheet.CategoryColumn), $"Rij {row}: de categorie", 100, required: false, violations);
        var amounts = new Dictionary<int, decimal>();
        foreach (var (year, column) in years)
        {
            if (Amount(sheet.Cell(row, column), row, year, violations) is { } amount)
            {
                amounts[year] = amount;
            }
        }

        if (isIncome)
        {
            var sourceText = Text(sheet.Cell(row, BudgetSheet.SourceColumn));
            var source = ReportLabels.Source(sourceText);
            if (source is null)
            {
                violations.Add(Field(row, BudgetSheet.SourceColumn), $"Rij {row}: onbekende bron '{Echo.Of(sourceText)}'; kies uit {ReportLabels.Sources}.");
            }

            var funder = TextField.Check(Text(sheet.Cell(row, BudgetSheet.FunderColumn)), Field(row, BudgetSheet.FunderColumn), $"Rij {row}: de herkomst (financier)", 200, required: true, violations);
            if (violations.Count == before)
            {
                income.Add((new IncomeLine(id, description, source!.Value, funder, category, new AmountsPerYear(amounts)), row));
            }

            return;
        }

        var priority = Priority(sheet.Cell(row, BudgetSheet.PriorityColumn), row, violations);
        if (violations.Count == before)
        {
            expenses.Add((new ExpenseLine(id, description, category, priority, new AmountsPerYear(amounts)), row));
        }
    }

    /// <summary>A blank cell is a blank year (not zero); otherwise a number of whole cents, 0 or more.</summary>
    private static decimal? Amount(IXLCell cell, int row, int year, FieldViolations violations)
    {
        var field = Field(row, cell.Address.ColumnNumber);
        if (cell.IsEmpty() && !cell.HasFormula)
        {
            return null;
        }

        decimal amount;
        try
        {
            if (!Number(cell, out amount))
            {
                violations.Add(field, $"Rij {row}: het bedrag voor {year} is geen getal ('{Echo.Of(Text(cell))}'); geef euro's excl. btw, bijvoorbeeld 1250,50.");
                return null;
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or InvalidCastException)
        {
            violations.Add(field, $"Rij {row}: de formule voor {year} is niet uit te rekenen; zet er een bedrag neer.");
            return null;
        }

        if (amount < 0)
        {
            violations.Add(field, $"Rij {row}: het bedrag voor {year} is negatief; geef 0 of meer.");
            return null;
        }

        if (amount != decimal.Round(amount, 2))
        {
            violations.Add(field, $"Rij {row}: het bedrag voor {year} heeft meer dan twee decimalen; geef hele centen.");
            return null;
        }

        return amount;
    }

    private static int Priority(IXLCell cell, int row, FieldViolations violations)
    {
        if (Number(cell, out var value) && value == decimal.Truncate(value) && value is >= 1 and <= 1000)
        {
            return (int)value;
        }

        violations.Add(Field(row, BudgetSheet.PriorityColumn), $"Rij {row}: de prioriteit van een uitgave is een heel getal van 1 (eerst betaald) tot en met 1000.");
        return 0;
    }

    /// <summary>A number cell (or a formula giving one), or text holding a Dutch number: people type "1.250,50" in a text cell too.</summary>
    private static bool Number(IXLCell cell, out decimal value)
    {
        value = 0m;
        if (cell.IsEmpty() && !cell.HasFormula)
        {
            return false;
        }

        var raw = cell.Value;
        switch (raw)
        {
            case double d when double.IsFinite(d) && Math.Abs(d) < 1e15:
                value = Convert.ToDecimal(d, CultureInfo.InvariantCulture);
                return true;
            case int or long or decimal:
                value = Convert.ToDecimal(raw, CultureInfo.InvariantCulture);
                return true;
            case string s:
                return decimal.TryParse(s.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands,
                    CultureInfo.GetCultureInfo("nl-NL"), out value);
            default:
                return false;
        }
    }

    /// <summary>Where a rule of the domain points (<c>expenseLines[3].amounts[2023]</c>), as the cell and its row.</summary>
    private static (string Field, int? Row) CellOf(string domainField, List<int> incomeRows, List<int> expenseRows, List<(int Year, int Column)> years)
    {
        var match = System.Text.RegularExpressions.Regex.Match(domainField, @"^(incomeLines|expenseLines)\[(\d+)\](?:\.(\w+)(?:\[(\d+)\])?)?$");
        if (!match.Success)
        {
            return domainField switch
            {
                "label" => (Field(BudgetSheet.LabelRow, 2), BudgetSheet.LabelRow),
                _ => (Field(BudgetSheet.HeaderRow, BudgetSheet.FirstYearColumn), BudgetSheet.HeaderRow),
            };
        }

        var rows = match.Groups[1].Value == "incomeLines" ? incomeRows : expenseRows;
        var row = rows[int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)];
        var column = match.Groups[3].Value switch
        {
            "id" => BudgetSheet.IdColumn,
            "description" => BudgetSheet.DescriptionColumn,
            "funder" => BudgetSheet.FunderColumn,
            "source" => BudgetSheet.SourceColumn,
            "priority" => BudgetSheet.PriorityColumn,
            "amounts" => years.FirstOrDefault(y => y.Year.ToString(CultureInfo.InvariantCulture) == match.Groups[4].Value).Column is var c and > 0 ? c : BudgetSheet.FirstYearColumn,
            _ => BudgetSheet.KindColumn,
        };
        return (Field(row, column), row);
    }

    private static string Field(int row, int column) => $"{BudgetSheet.Name}!{BudgetSheet.Cell(row, column)}";

    private static string Text(IXLCell cell)
    {
        try
        {
            return cell.HasFormula ? Convert.ToString(cell.Value, CultureInfo.InvariantCulture) ?? "" : cell.GetString().Trim();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or InvalidCastException)
        {
            return "";
        }
    }
}
