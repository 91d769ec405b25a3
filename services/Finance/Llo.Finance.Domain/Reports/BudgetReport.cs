using Llo.Finance.Domain.Applications;
using Llo.Finance.Domain.Budgets;
using Llo.Finance.Domain.Contributions;
using Llo.Finance.Domain.Planning;

namespace Llo.Finance.Domain.Reports;

/// <summary>
/// One line of the budget against its realisation in a year, income and expense alike, amounts excluding VAT.
/// Income: <see cref="Secured"/> is what granted applications and paid contributions bring, <see cref="Expected"/> adds
/// the probability-weighted rest. Expense: the same two as the part of the line that money pays (secured money first,
/// by priority; see <see cref="RealisationPlanner"/>), with its <see cref="Coverage"/>.
/// </summary>
public sealed record BudgetReportLine(
    string Id,
    string Description,
    string Category,
    string Funder,
    int? Priority,
    decimal Budgeted,
    decimal Secured,
    decimal Expected,
    Coverage? Coverage)
{
    /// <summary>Budgeted minus expected: money still missing (income) or the part no money reaches (expense); negative is more than budgeted.</summary>
    public decimal Shortfall => Budgeted - Expected;
}

/// <summary>The sum of a group of report lines; VAT only for the expenses, the one group a payer is invoiced for.</summary>
public sealed record BudgetReportTotals(decimal Budgeted, decimal Secured, decimal Expected, decimal Shortfall, decimal Vat, decimal BudgetedIncludingVat);

/// <summary>
/// A budget version's year against its realisation: the income lines (with a row "Niet begroot" for income that names
/// no line of this version) and the expense lines in budget order, each with its totals. Expense lines carry 21% VAT
/// (<see cref="Money.Vat"/>, rounded per line as on invoices) for a payer that cannot recover it.
/// </summary>
public sealed record BudgetReport(
    BudgetVersion Version,
    int Year,
    IReadOnlyList<BudgetReportLine> Income,
    IReadOnlyList<BudgetReportLine> Expenses)
{
    public BudgetReportTotals IncomeTotals => Totals(Income, withVat: false);

    public BudgetReportTotals ExpenseTotals => Totals(Expenses, withVat: true);

    /// <summary>Budgeted income minus budgeted expenses.</summary>
    public decimal BudgetedBalance => IncomeTotals.Budgeted - ExpenseTotals.Budgeted;

    /// <summary>Expected income minus budgeted expenses: negative is what the programme cannot yet pay.</summary>
    public decimal ExpectedBalance => IncomeTotals.Expected - ExpenseTotals.Budgeted;

    public static decimal VatOn(BudgetReportLine line) => line.Coverage is null ? 0m : Money.Vat.On(line.Budgeted);

    /// <summary>
    /// The report for <paramref name="year"/> (a year outside the version is refused naming "year"). Applications and
    /// contributions may name lines an older version had: against this version they count as "Niet begroot".
    /// </summary>
    public static BudgetReport For(BudgetVersion budget, IEnumerable<FundingApplication> applications, IEnumerable<PartnerContribution> contributions, int year)
    {
        budget.Year(year);
        var aligned = applications.Select(a => Aligned(budget, a)).ToList();
        var alignedContributions = contributions.Select(c => Aligned(budget, c)).ToList();

        var income = IncomeAgainstBudget.For(budget, aligned, alignedContributions, year)
            .Select(r => new BudgetReportLine(
                r.IncomeLineId ?? "",
                r.Description,
                r.IncomeLineId is { } id ? budget.IncomeLine(id).Category : "",
                r.Funder,
                null,
                r.Budgeted,
                r.Secured,
                r.Expected,
                null))
            .ToList();

        var realisation = RealisationPlanner.Realise(new PlanningInput(budget, aligned, alignedContributions, []), [year]).Baseline.Year(year);
        var coverage = realisation.Lines.ToDictionary(l => l.ExpenseLineId);

        // The planner leaves a line that is blank this year out; nothing to pay is paid in full.
        LineCoverage Blank(ExpenseLine line) => new(line.Id, line.Description, line.Priority, 0, 0m, 0m, 0m, Coverage.Secured);
        var expenses = budget.ExpenseLines
            .Select(l => (Line: l, Covered: coverage.TryGetValue(l.Id, out var covered) ? covered : Blank(l)))
            .Select(x => new BudgetReportLine(
                x.Line.Id,
                x.Line.Description,
                x.Line.Category,
                "",
                x.Line.Priority,
                x.Line.Amounts.For(year),
                x.Covered.FromSecured,
                x.Covered.FromSecured + x.Covered.FromExpected,
                x.Covered.Coverage))
            .ToList();
        return new BudgetReport(budget, year, income, expenses);
    }

    private static BudgetReportTotals Totals(IReadOnlyList<BudgetReportLine> lines, bool withVat)
    {
        var budgeted = lines.Sum(l => l.Budgeted);
        var vat = withVat ? lines.Sum(VatOn) : 0m;
        return new BudgetReportTotals(budgeted, lines.Sum(l => l.Secured), lines.Sum(l => l.Expected), lines.Sum(l => l.Shortfall), vat, budgeted + vat);
    }

    private static FundingApplication Aligned(BudgetVersion budget, FundingApplication a)
    {
        var lineKnown = a.IncomeLineId is null || budget.IncomeLines.Any(l => l.Id == a.IncomeLineId);
        var funded = a.FundedExpenseLineIds.Where(id => budget.ExpenseLines.Any(l => l.Id == id)).ToList();
        return lineKnown && funded.Count == a.FundedExpenseLineIds.Count
            ? a
            : new FundingApplication(a.Id, a.Title, a.Funders, a.LeadApplicant, a.Requested, a.Probability, a.Status, a.Granted, a.Deadlines, a.Notes,
                lineKnown ? a.IncomeLineId : null, funded);
    }

    private static PartnerContribution Aligned(BudgetVersion budget, PartnerContribution c) =>
        c.IncomeLineId is null || budget.IncomeLines.Any(l => l.Id == c.IncomeLineId)
            ? c
            : new PartnerContribution(c.Id, c.Partner, c.Category, c.Year, c.Committed, c.Invoiced, c.Paid, c.CanPayFromExistingBudget,
                c.VatRecoverable, c.Probability, null, c.Notes);
}
