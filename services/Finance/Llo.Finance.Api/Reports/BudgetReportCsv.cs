using System.Globalization;
using System.Text;
using Llo.Finance.Domain.Reports;

namespace Llo.Finance.Api.Reports;

/// <summary>
/// The budget report as CSV the way Dutch Excel opens it with a double click: Excel splits a CSV on the list separator
/// of the computer's regional settings, which for nl-NL is ';' (the comma is the decimal separator there), and reads
/// "1234,50" as a number only with a decimal comma. So: ';' between fields, a decimal comma and no thousands separator
/// in amounts, a UTF-8 byte order mark (without it Excel reads the file as Windows-1252 and garbles "ë"), CRLF line
/// ends and RFC 4180 quoting. Text that Excel would take for a formula (starting with = + - @) is prefixed with a
/// quote, so a line description can never run as a formula on the treasurer's machine.
/// </summary>
public static class BudgetReportCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static readonly string[] Headers =
    [
        "Soort", "Id", "Omschrijving", "Categorie", "Herkomst", "Prioriteit", "Begroot excl. btw", "Btw 21%", "Begroot incl. btw",
        "Zeker", "Verwacht", "Tekort", "Dekking",
    ];

    public static byte[] Write(BudgetReport report)
    {
        var text = new StringBuilder();
        Row(text, Headers);
        foreach (var line in report.Income)
        {
            Row(text, Line(ReportLabels.Income, line));
        }

        foreach (var line in report.Expenses)
        {
            Row(text, Line(ReportLabels.Expense, line));
        }

        Row(text, Total("Totaal inkomsten", report.IncomeTotals, withVat: false));
        Row(text, Total("Totaal uitgaven", report.ExpenseTotals, withVat: true));
        Row(text, ["Saldo", "", "begroot en verwacht min begrote uitgaven", "", "", "", Amount(report.BudgetedBalance), "", "", "", Amount(report.ExpectedBalance), "", ""]);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string[] Line(string kind, BudgetReportLine line)
    {
        var vat = BudgetReport.VatOn(line);
        var isExpense = line.Coverage is not null;
        return
        [
            kind, line.Id, line.Description, line.Category, line.Funder,
            line.Priority?.ToString(CultureInfo.InvariantCulture) ?? "",
            Amount(line.Budgeted), isExpense ? Amount(vat) : "", isExpense ? Amount(line.Budgeted + vat) : "",
            Amount(line.Secured), Amount(line.Expected), Amount(line.Shortfall), ReportLabels.Dutch(line.Coverage),
        ];
    }

    private static string[] Total(string name, BudgetReportTotals totals, bool withVat) =>
    [
        name, "", "", "", "", "", Amount(totals.Budgeted), withVat ? Amount(totals.Vat) : "", withVat ? Amount(totals.BudgetedIncludingVat) : "",
        Amount(totals.Secured), Amount(totals.Expected), Amount(totals.Shortfall), "",
    ];

    private static string Amount(decimal euros) => euros.ToString("0.00", Dutch);

    private static void Row(StringBuilder text, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                text.Append(';');
            }

            text.Append(Field(fields[i], isAmount: i >= 6 && i <= 11));
        }

        text.Append("\r\n");
    }

    private static string Field(string value, bool isAmount)
    {
        if (!isAmount && value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
