namespace Llo.Finance.Domain.Budgets;

/// <summary>A subtotal: a category, source or funder and its amount.</summary>
public sealed record NamedAmount(string Name, decimal Amount);
