using Llo.Contracts.Common.V1;
using Llo.Finance.Api.Budgets;
using Llo.Finance.Domain.Planning;
using Llo.Finance.Domain.Reports;
using V1 = Llo.Contracts.Finance.V1;

namespace Llo.Finance.Api.Reports;

/// <summary>A budget report as the wire carries it: decimal euros become whole cents, coverage maps by name.</summary>
public static class BudgetReportContract
{
    public static readonly EnumMap<V1.BudgetReportCoverage, Coverage> Coverages = new();

    public static V1.BudgetReport ToContract(BudgetReport report)
    {
        var answer = new V1.BudgetReport
        {
            Year = report.Year,
            Version = BudgetContract.Info(report.Version),
            IncomeTotals = Totals(report.IncomeTotals),
            ExpenseTotals = Totals(report.ExpenseTotals),
            BudgetedBalance = Money.FromEuros(report.BudgetedBalance),
            ExpectedBalance = Money.FromEuros(report.ExpectedBalance),
        };
        answer.Income.AddRange(report.Income.Select(Line));
        answer.Expenses.AddRange(report.Expenses.Select(Line));
        return answer;
    }

    private static V1.BudgetReportLine Line(BudgetReportLine line)
    {
        var vat = BudgetReport.VatOn(line);
        return new V1.BudgetReportLine
        {
            Id = line.Id,
            Description = line.Description,
            Category = line.Category,
            Funder = line.Funder,
            Priority = line.Priority ?? 0,
            Budgeted = Money.FromEuros(line.Budgeted),
            Secured = Money.FromEuros(line.Secured),
            Expected = Money.FromEuros(line.Expected),
            Shortfall = Money.FromEuros(line.Shortfall),
            Vat = Money.FromEuros(vat),
            BudgetedIncludingVat = Money.FromEuros(line.Coverage is null ? 0m : line.Budgeted + vat),
            Coverage = line.Coverage is { } coverage ? Coverages.ToContract(coverage) : V1.BudgetReportCoverage.Unspecified,
        };
    }

    private static V1.BudgetReportTotals Totals(BudgetReportTotals totals) => new()
    {
        Budgeted = Money.FromEuros(totals.Budgeted),
        Secured = Money.FromEuros(totals.Secured),
        Expected = Money.FromEuros(totals.Expected),
        Shortfall = Money.FromEuros(totals.Shortfall),
        Vat = Money.FromEuros(totals.Vat),
        BudgetedIncludingVat = Money.FromEuros(totals.BudgetedIncludingVat),
    };
}
