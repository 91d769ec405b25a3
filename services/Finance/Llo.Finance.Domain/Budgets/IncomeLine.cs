namespace Llo.Finance.Domain.Budgets;

/// <summary>
/// One income line: what it is ("Aanvraag Programmamanagement LLO"), the kind of source, the funder as the plan names
/// it in its "Herkomst" column ("LWA Rijnmond en BZK"), a category for grouping, and the amounts per year.
/// </summary>
public sealed record IncomeLine(
    string Id,
    string Description,
    IncomeSource Source,
    string Funder,
    string Category,
    AmountsPerYear Amounts);
