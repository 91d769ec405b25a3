namespace Llo.Finance.Domain.Budgets;

/// <summary>
/// A line's amounts by calendar year, in euros excluding VAT. A year that is absent is not the same as zero: the plan
/// prints "-€" (zero) for some years and leaves others blank, and both are kept as given; totals count a blank as zero.
/// </summary>
public sealed class AmountsPerYear
{
    public static readonly AmountsPerYear None = new(new Dictionary<int, decimal>());

    // A hash lookup per line, year and scenario is the planner's inner loop; the sorted years serve the readers.
    private readonly Dictionary<int, decimal> _amounts;
    private readonly int[] _years;

    public AmountsPerYear(IReadOnlyDictionary<int, decimal> amounts)
    {
        _amounts = amounts.ToDictionary(a => a.Key, a => a.Value);
        _years = [.. _amounts.Keys.Order()];
    }

    public IEnumerable<int> Years => _years;

    public IEnumerable<KeyValuePair<int, decimal>> Entries => _years.Select(y => new KeyValuePair<int, decimal>(y, _amounts[y]));

    public bool Has(int year) => _amounts.ContainsKey(year);

    /// <summary>The amount for the year; a blank year counts as zero.</summary>
    public decimal For(int year) => _amounts.TryGetValue(year, out var amount) ? amount : 0m;

    /// <summary>The amount, or null when the year is blank.</summary>
    public decimal? Given(int year) => _amounts.TryGetValue(year, out var amount) ? amount : null;

    public decimal Total => _amounts.Values.Sum();

    public AmountsPerYear With(int year, decimal amount)
    {
        var copy = new Dictionary<int, decimal>(_amounts) { [year] = amount };
        return new AmountsPerYear(copy);
    }

    public static AmountsPerYear Of(params (int Year, decimal Amount)[] amounts) =>
        new(amounts.ToDictionary(a => a.Year, a => a.Amount));
}
