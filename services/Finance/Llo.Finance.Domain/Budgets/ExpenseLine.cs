using Llo.Finance.Domain.RateCards;

namespace Llo.Finance.Domain.Budgets;

/// <summary>
/// One expense line with its category and priority (1 is the most important: it is paid first when money is short).
/// A staffing line names the rate-card role and the part of each year it is staffed; its amounts then follow the
/// rate card (<see cref="RateCard.ApplyTo"/>).
/// </summary>
public sealed record ExpenseLine(
    string Id,
    string Description,
    string Category,
    int Priority,
    AmountsPerYear Amounts,
    StaffingLink? Staffing = null);

/// <summary>An expense line that pays a rate-card role, staffed for a part of each year it names.</summary>
public sealed record StaffingLink(string RoleId, IReadOnlyDictionary<int, PartYear> Years);
