namespace Llo.Finance.Domain.Budgets;

/// <summary>Which total a document prints.</summary>
public enum PrintedTotalKind
{
    /// <summary>A year's total income (the plan's INKOMSTEN total row).</summary>
    IncomeYear = 1,

    /// <summary>A year's total expenses (the plan's UITGAVEN total row).</summary>
    ExpenseYear = 2,

    /// <summary>An income line over all years (the plan's "Totale subsidie aanvraag" column).</summary>
    IncomeLineOverYears = 3,
}

/// <summary>A total as a document prints it, kept next to the lines so the lines can be checked against it.</summary>
public sealed record PrintedTotal(PrintedTotalKind Kind, decimal Amount, int? Year = null, string? LineId = null);
