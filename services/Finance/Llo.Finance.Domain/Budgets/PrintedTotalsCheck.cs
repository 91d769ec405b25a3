using Llo.Finance.Domain.Money;

namespace Llo.Finance.Domain.Budgets;

/// <summary>A printed total that the lines do not add up to, with a Dutch sentence naming it.</summary>
public sealed record TotalsDiscrepancy(PrintedTotal Printed, decimal Computed, string Message)
{
    public decimal Difference => Printed.Amount - Computed;
}

/// <summary>
/// Compares the totals a document prints with the totals computed from its lines. The lines are kept as printed; a
/// total that does not follow from them is reported, never silently "corrected" in either direction.
/// </summary>
public static class PrintedTotalsCheck
{
    public static IReadOnlyList<TotalsDiscrepancy> Compare(BudgetVersion budget, IEnumerable<PrintedTotal> printed)
    {
        var discrepancies = new List<TotalsDiscrepancy>();
        foreach (var total in printed)
        {
            var (computed, name) = total.Kind switch
            {
                PrintedTotalKind.IncomeYear => (budget.IncomeTotal(RequireYear(total)), $"Totaal inkomsten {total.Year}"),
                PrintedTotalKind.ExpenseYear => (budget.ExpenseTotal(RequireYear(total)), $"Totaal uitgaven {total.Year}"),
                PrintedTotalKind.IncomeLineOverYears => LineOverYears(budget, total),
                _ => throw new FinanceRuleViolation("kind", $"Onbekend soort totaal: {total.Kind}."),
            };
            if (computed != total.Amount)
            {
                discrepancies.Add(new TotalsDiscrepancy(
                    total,
                    computed,
                    $"{name}: afgedrukt {Euros.Format(total.Amount)}, de regels tellen op tot {Euros.Format(computed)} " +
                    $"(verschil {Euros.Format(total.Amount - computed)})."));
            }
        }

        return discrepancies;
    }

    private static int RequireYear(PrintedTotal total) =>
        total.Year ?? throw new FinanceRuleViolation("year", $"Bij een jaartotaal ({total.Kind}) hoort een jaar.");

    private static (decimal, string) LineOverYears(BudgetVersion budget, PrintedTotal total)
    {
        var line = budget.IncomeLine(total.LineId ?? throw new FinanceRuleViolation("lineId", "Bij een regeltotaal hoort een regel."));
        return (budget.Years.Sum(line.Amounts.For), $"Totaal '{line.Description}' over {budget.FirstYear}–{budget.LastYear}");
    }
}
