using Llo.Finance.Domain.Budgets;

namespace Llo.Finance.Domain.RateCards;

/// <summary>A change the rate card makes to a staffing line: the line, the year, the amount before and after.</summary>
public sealed record StaffingCostChange(string ExpenseLineId, int Year, decimal Before, decimal After);

/// <summary>
/// The roles the programme hires. A change of rate or hours is made here and flows into every expense line linked to
/// the role: <see cref="ApplyTo"/> recomputes those lines and says what changed, so the caller can publish the result
/// as a new budget version.
/// </summary>
public sealed class RateCard
{
    private readonly Dictionary<string, RateCardRole> _roles;

    public RateCard(IEnumerable<RateCardRole> roles)
    {
        _roles = new Dictionary<string, RateCardRole>();
        foreach (var role in roles)
        {
            if (!_roles.TryAdd(role.Id, role))
            {
                throw new FinanceRuleViolation("roles", $"De rol '{role.Id}' staat twee keer op de tariefkaart.");
            }
        }
    }

    public IReadOnlyCollection<RateCardRole> Roles => _roles.Values;

    public RateCardRole Role(string id) =>
        _roles.TryGetValue(id, out var role)
            ? role
            : throw new FinanceRuleViolation("roleId", $"De rol '{id}' staat niet op de tariefkaart.");

    /// <summary>A rate card with <paramref name="role"/> added or replacing the role with the same id.</summary>
    public RateCard With(RateCardRole role) => new(_roles.Values.Where(r => r.Id != role.Id).Append(role));

    /// <summary>The staffing lines' amounts recomputed from this card, and the changes; lines without a link stay as they are.</summary>
    public (IReadOnlyList<ExpenseLine> Lines, IReadOnlyList<StaffingCostChange> Changes) ApplyTo(IEnumerable<ExpenseLine> lines)
    {
        var changes = new List<StaffingCostChange>();
        var result = new List<ExpenseLine>();
        foreach (var line in lines)
        {
            if (line.Staffing is not { } staffing)
            {
                result.Add(line);
                continue;
            }

            var role = Role(staffing.RoleId);
            var amounts = line.Amounts;
            foreach (var (year, part) in staffing.Years.OrderBy(y => y.Key))
            {
                var cost = role.YearlyCost(part);
                var before = amounts.For(year);
                if (!amounts.Has(year) || before != cost)
                {
                    changes.Add(new StaffingCostChange(line.Id, year, before, cost));
                    amounts = amounts.With(year, cost);
                }
            }

            result.Add(line with { Amounts = amounts });
        }

        return (result, changes);
    }

    /// <summary>A new version of the budget with the staffing lines following this card (the same lines when nothing changed).</summary>
    public (BudgetVersion Version, IReadOnlyList<StaffingCostChange> Changes) ApplyTo(BudgetVersion budget, string label, DateOnly date)
    {
        var (lines, changes) = ApplyTo(budget.ExpenseLines);
        return (budget.Revise(label, date, expenseLines: lines), changes);
    }
}
