namespace Llo.Finance.Domain.Budgets;

/// <summary>
/// A line's amounts by calendar year, in euros excluding VAT. A year that is absent is not the same as zero: the plan
/// prints "-€" (zero) for some years and leaves others blank, and both are kept as given; totals count a blank as zero.
/// </summary>
public sealed class AmountsPerYear
{
    public static readonly AmountsPerYear None = new(new Dictionary<int, decimal>());

    private readonly SortedDictionary<int, decimal> _amounts;

    public AmountsPerYear(IReadOnlyDictionary<int, decimal> amounts)
    {
        _amounts = new SortedDictionary<int, decimal>(amounts.ToDictionary(a => a.Key, a => a.Value));
    }

    public IEnumerable<int> Years => _amounts.Keys;

    public IEnumerable<KeyValuePair<int, decimal>> Entries => _amounts;

    public bool Has(int year) => _amounts.ContainsKey(year);

    /// <summary>The amount for the year; a blank year counts as zero.</summary>
    public decimal For(int year) => _amounts.TryGetValue(year, out var amount) ? amount : 0m;

    public decimal Total => _amounts.Values.Sum();

    public AmountsPerYear With(int year, decimal amount)
    {
        var copy = new Dictionary<int, decimal>(_amounts) { [year] = amount };
        return new AmountsPerYear(copy);
    }

    public static AmountsPerYear Of(params (int Year, decimal Amount)[] amounts) =>
        new(amounts.ToDictionary(a => a.Year, a => a.Amount));
}
