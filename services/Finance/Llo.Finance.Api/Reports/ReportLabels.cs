using Llo.Finance.Domain.Budgets;
using Llo.Finance.Domain.Planning;

namespace Llo.Finance.Api.Reports;

/// <summary>The Dutch words the downloads use, in one place so the spreadsheet import reads back what the export writes.</summary>
public static class ReportLabels
{
    public const string Income = "Inkomsten";
    public const string Expense = "Uitgaven";

    public static string Dutch(Coverage? coverage) => coverage switch
    {
        Coverage.Secured => "gedekt door zeker geld",
        Coverage.Expected => "gedekt als het verwachte geld binnenkomt",
        Coverage.NotCovered => "niet gedekt",
        _ => "",
    };

    /// <summary>An income line's source as the spreadsheet names it; <see cref="Source"/> reads it back.</summary>
    public static string Dutch(IncomeSource source) => source switch
    {
        IncomeSource.FundingApplication => "Subsidieaanvraag",
        IncomeSource.PartnerContribution => "Deelnemersbijdrage",
        IncomeSource.InKind => "Inzet in natura",
        _ => source.ToString(),
    };

    public static IncomeSource? Source(string text) =>
        Enum.GetValues<IncomeSource>().Cast<IncomeSource?>().FirstOrDefault(s => string.Equals(Dutch(s!.Value), text.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string Sources => string.Join(", ", Enum.GetValues<IncomeSource>().Select(s => $"'{Dutch(s)}'"));
}
