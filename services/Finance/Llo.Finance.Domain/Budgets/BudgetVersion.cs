namespace Llo.Finance.Domain.Budgets;

/// <summary>
/// One version of the programme budget over consecutive years. It holds lines only: every total is computed from them
/// on request, never stored or typed in. A version is immutable; a change is published as a new version
/// (<see cref="BudgetHistory"/>) so the old one stays readable.
/// </summary>
public sealed class BudgetVersion
{
    // The planner looks lines up per application, year and scenario: by id, not by scanning hundreds of lines.
    private readonly Dictionary<string, ExpenseLine> _expenseLinesById = new();

    private BudgetVersion(
        int number,
        string label,
        DateOnly date,
        int firstYear,
        int lastYear,
        IReadOnlyList<IncomeLine> incomeLines,
        IReadOnlyList<ExpenseLine> expenseLines)
    {
        Number = number;
        Label = label;
        Date = date;
        FirstYear = firstYear;
        LastYear = lastYear;
        IncomeLines = incomeLines;
        ExpenseLines = expenseLines;
        foreach (var line in expenseLines)
        {
            _expenseLinesById.TryAdd(line.Id, line);
        }
    }

    public int Number { get; }

    /// <summary>The version as its authors name it, e.g. "v.13-01-2022".</summary>
    public string Label { get; }

    public DateOnly Date { get; }

    public int FirstYear { get; }

    public int LastYear { get; }

    public IEnumerable<int> Years => Enumerable.Range(FirstYear, LastYear - FirstYear + 1);

    public IReadOnlyList<IncomeLine> IncomeLines { get; }

    public IReadOnlyList<ExpenseLine> ExpenseLines { get; }

    /// <summary>A valid version, or <see cref="FinanceRuleViolation"/> naming every refused field.</summary>
    public static BudgetVersion Create(
        int number,
        string label,
        DateOnly date,
        int firstYear,
        int lastYear,
        IEnumerable<IncomeLine> incomeLines,
        IEnumerable<ExpenseLine> expenseLines)
    {
        var version = new BudgetVersion(number, label, date, firstYear, lastYear, incomeLines.ToList(), expenseLines.ToList());
        FinanceRuleViolation.ThrowIfAny(BudgetValidation.Check(version));
        return version;
    }

    /// <summary>The same lines as a later version (numbered by <see cref="BudgetHistory"/>).</summary>
    public BudgetVersion Revise(
        string label,
        DateOnly date,
        IEnumerable<IncomeLine>? incomeLines = null,
        IEnumerable<ExpenseLine>? expenseLines = null) =>
        Create(Number + 1, label, date, FirstYear, LastYear, incomeLines ?? IncomeLines, expenseLines ?? ExpenseLines);

    public bool Covers(int year) => year >= FirstYear && year <= LastYear;

    public IncomeLine IncomeLine(string id) =>
        IncomeLines.FirstOrDefault(l => l.Id == id)
        ?? throw new FinanceRuleViolation("incomeLineId", $"De inkomstenregel '{id}' bestaat niet in begroting {Label}.");

    public ExpenseLine ExpenseLine(string id) =>
        _expenseLinesById.GetValueOrDefault(id)
        ?? throw new FinanceRuleViolation("expenseLineId", $"De uitgavenregel '{id}' bestaat niet in begroting {Label}.");

    public decimal IncomeTotal(int year) => Sum(IncomeLines, l => l.Amounts.For(CheckedYear(year)));

    public decimal ExpenseTotal(int year) => Sum(ExpenseLines, l => l.Amounts.For(CheckedYear(year)));

    /// <summary>Income minus expenses: positive is a surplus, negative a shortfall.</summary>
    public decimal Balance(int year) => IncomeTotal(year) - ExpenseTotal(year);

    public decimal IncomeTotal() => Years.Sum(IncomeTotal);

    public decimal ExpenseTotal() => Years.Sum(ExpenseTotal);

    public decimal Balance() => IncomeTotal() - ExpenseTotal();

    /// <summary>Subtotals per income category, in the order the categories first appear; all years when year is null.</summary>
    public IReadOnlyList<NamedAmount> IncomeByCategory(int? year = null) => GroupBy(IncomeLines, l => l.Category, l => l.Amounts, year);

    public IReadOnlyList<NamedAmount> IncomeBySource(int? year = null) => GroupBy(IncomeLines, l => l.Source.ToString(), l => l.Amounts, year);

    public IReadOnlyList<NamedAmount> IncomeByFunder(int? year = null) => GroupBy(IncomeLines, l => l.Funder, l => l.Amounts, year);

    public IReadOnlyList<NamedAmount> ExpenseByCategory(int? year = null) => GroupBy(ExpenseLines, l => l.Category, l => l.Amounts, year);

    /// <summary>A year's lines and totals, the shape a budget page or a partner system reads.</summary>
    public BudgetYear Year(int year) => new(
        CheckedYear(year),
        IncomeLines.Select(l => new BudgetYearLine(l.Id, l.Description, l.Category, l.Amounts.For(year), l.Amounts.Has(year))).ToList(),
        ExpenseLines.Select(l => new BudgetYearLine(l.Id, l.Description, l.Category, l.Amounts.For(year), l.Amounts.Has(year))).ToList(),
        IncomeTotal(year),
        ExpenseTotal(year),
        IncomeByCategory(year),
        ExpenseByCategory(year));

    private int CheckedYear(int year) =>
        Covers(year)
            ? year
            : throw new FinanceRuleViolation("year", $"Het jaar {year} valt buiten begroting {Label} ({FirstYear}–{LastYear}).");

    private static decimal Sum<T>(IReadOnlyList<T> lines, Func<T, decimal> amount)
    {
        var total = 0m;
        foreach (var line in lines)
        {
            total += amount(line);
        }

        return total;
    }

    private IReadOnlyList<NamedAmount> GroupBy<T>(IReadOnlyList<T> lines, Func<T, string> key, Func<T, AmountsPerYear> amounts, int? year)
    {
        if (year is { } y)
        {
            CheckedYear(y);
        }

        var order = new List<string>();
        var totals = new Dictionary<string, decimal>();
        foreach (var line in lines)
        {
            var name = key(line);
            if (!totals.ContainsKey(name))
            {
                order.Add(name);
                totals[name] = 0m;
            }

            totals[name] += year is { } only ? amounts(line).For(only) : Years.Sum(amounts(line).For);
        }

        return order.Select(name => new NamedAmount(name, totals[name])).ToList();
    }
}

public sealed record BudgetYearLine(string Id, string Description, string Category, decimal Amount, bool Given);

public sealed record BudgetYear(
    int Year,
    IReadOnlyList<BudgetYearLine> Income,
    IReadOnlyList<BudgetYearLine> Expenses,
    decimal IncomeTotal,
    decimal ExpenseTotal,
    IReadOnlyList<NamedAmount> IncomeByCategory,
    IReadOnlyList<NamedAmount> ExpenseByCategory)
{
    public decimal Balance => IncomeTotal - ExpenseTotal;

    /// <summary>The year's expenses with 21% VAT: what the invoices come to, for a report that needs it.</summary>
    public decimal ExpenseTotalIncludingVat => Money.Vat.Including(ExpenseTotal);
}
