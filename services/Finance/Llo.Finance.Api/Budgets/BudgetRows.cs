namespace Llo.Finance.Api.Budgets;

// The budget tables' rows, filled by Dapper through their constructors (columns aliased to the parameter names).

/// <summary>A published version's head row; <c>Dated</c> is ISO 8601 text (yyyy-MM-dd).</summary>
public sealed record StoredBudgetVersion(int Number, string Label, string Dated, int FirstYear, int LastYear);

/// <summary>One line of a version: <c>Kind</c> is "income" or "expense"; source and funder for income, priority for expenses.</summary>
public sealed record StoredBudgetLine(string Kind, string LineId, string Description, string Category, string? Source, string? Funder, int? Priority);

/// <summary>A line's amount in one year, in cents excluding VAT; a year without a row is blank.</summary>
public sealed record StoredBudgetAmount(string Kind, string LineId, int Year, long Cents);
