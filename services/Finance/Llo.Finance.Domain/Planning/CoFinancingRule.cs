namespace Llo.Finance.Domain.Planning;

/// <summary>
/// A funder's demand for an own contribution: at least <see cref="RequiredOwnShare"/> of the costs it helps pay must
/// come from others (0.5 = half). The costs are the expense lines the application names, or else the year's whole
/// planned budget. A stored rule has an <see cref="Id"/> and may hold for some years only (from/to, either open).
/// </summary>
public sealed record CoFinancingRule
{
    public CoFinancingRule(string funder, decimal requiredOwnShare, string? id = null, int? firstYear = null, int? lastYear = null)
    {
        if (string.IsNullOrWhiteSpace(funder))
        {
            throw new FinanceRuleViolation("funder", "Noem de financier van de cofinancieringsregel.");
        }

        if (requiredOwnShare is <= 0m or >= 1m)
        {
            throw new FinanceRuleViolation("requiredOwnShare", $"{funder}: de verplichte eigen bijdrage ligt tussen 0 en 1 (bv. 0,5 voor de helft).");
        }

        if (firstYear is { } from && lastYear is { } to && from > to)
        {
            throw new FinanceRuleViolation("lastYear", $"{funder}: de regel geldt tot en met {to}, dat ligt vóór het eerste jaar {from}.");
        }

        Funder = funder;
        RequiredOwnShare = requiredOwnShare;
        Id = id;
        FirstYear = firstYear;
        LastYear = lastYear;
    }

    public string Funder { get; }

    public decimal RequiredOwnShare { get; }

    /// <summary>The stored rule's id; null for a rule given with one planner request only.</summary>
    public string? Id { get; }

    /// <summary>The first year the rule holds; null: from the start.</summary>
    public int? FirstYear { get; }

    /// <summary>The last year the rule holds; null: without end.</summary>
    public int? LastYear { get; }

    public bool HoldsIn(int year) => (FirstYear is not { } from || year >= from) && (LastYear is not { } to || year <= to);

    /// <summary>True when both rules are the same funder's and share a year: a funder has one demand per year.</summary>
    public bool Overlaps(CoFinancingRule other) =>
        string.Equals(Funder, other.Funder, StringComparison.OrdinalIgnoreCase)
        && (FirstYear ?? int.MinValue) <= (other.LastYear ?? int.MaxValue)
        && (other.FirstYear ?? int.MinValue) <= (LastYear ?? int.MaxValue);

    /// <summary>
    /// The rules a calculation uses: the stored ones, except for each funder that <paramref name="overriding"/> names,
    /// whose stored rules all give way to the overriding ones (a planner request's own rules).
    /// </summary>
    public static IReadOnlyList<CoFinancingRule> Merge(IEnumerable<CoFinancingRule> stored, IReadOnlyList<CoFinancingRule> overriding)
    {
        var replaced = new HashSet<string>(overriding.Select(r => r.Funder), StringComparer.OrdinalIgnoreCase);
        return [.. stored.Where(r => !replaced.Contains(r.Funder)), .. overriding];
    }
}
