using Llo.Contracts.Common.V1;
using Llo.Finance.Api.Budgets;
using Llo.Finance.Domain.Budgets;
using Llo.Finance.Domain.Money;
using Llo.Finance.Domain.RateCards;
using V1 = Llo.Contracts.Finance.V1;

namespace Llo.Finance.Api.RateCards;

/// <summary>A year's rate card as the wire carries it: decimal euros become whole cents, costs are computed here.</summary>
public static class RateCardContract
{
    public static V1.RateCardRoleFields Fields(StoredRateCardRole stored)
    {
        var fields = new V1.RateCardRoleFields
        {
            Name = stored.Name,
            HourlyRate = new Money { Cents = stored.HourlyRateCents },
            HoursPerWeek = (double)stored.HoursPerWeek,
            WeeksPerYear = (double)stored.WeeksPerYear,
        };
        fields.Assignments.AddRange(stored.Shares.Select(s => new V1.StaffingAssignment { ExpenseLineId = s.ExpenseLineId, PartOfYear = (double)s.PartOfYear }));
        return fields;
    }

    public static V1.RateCardRole Role(StoredRateCardRole stored)
    {
        var costs = stored.Costs().ToList();
        var role = new V1.RateCardRole
        {
            Id = stored.RoleId,
            Fields = Fields(stored),
            YearlyCost = Money.FromEuros(stored.ToDomain().YearlyCost()),
            TotalCost = Money.FromEuros(costs.Sum(c => c.Cost)),
            Version = stored.Version,
        };
        role.Costs.AddRange(costs.Select(c => new V1.StaffingCost
        {
            ExpenseLineId = c.Share.ExpenseLineId, PartOfYear = (double)c.Share.PartOfYear, Cost = Money.FromEuros(c.Cost),
        }));
        return role;
    }

    public static V1.RateCard Card(int year, IReadOnlyList<StoredRateCardRole> roles, BudgetVersion budget)
    {
        var total = roles.SelectMany(r => r.Costs()).Sum(c => c.Cost);
        var card = new V1.RateCard
        {
            Year = year,
            TotalCost = Money.FromEuros(total),
            TotalCostIncludingVat = Money.FromEuros(Vat.Including(total)),
            BudgetVersion = BudgetContract.Info(budget),
        };
        card.Roles.AddRange(roles.Select(Role));
        return card;
    }

    public static V1.StaffingCostChange Change(StaffingCostChange change) => new()
    {
        ExpenseLineId = change.ExpenseLineId, Year = change.Year, Before = Money.FromEuros(change.Before), After = Money.FromEuros(change.After),
    };

    /// <summary>The budget's expense lines, each staffing line of <paramref name="year"/> linked to the role that fills it.</summary>
    public static IEnumerable<ExpenseLine> LinkedLines(BudgetVersion budget, int year, IEnumerable<StoredRateCardRole> roles)
    {
        var links = roles
            .SelectMany(r => r.Shares.Select(s => (s.ExpenseLineId, Link: new StaffingLink(r.RoleId, new Dictionary<int, PartYear> { [year] = PartYear.Of(s.PartOfYear) }))))
            .ToDictionary(x => x.ExpenseLineId, x => x.Link);
        return budget.ExpenseLines.Select(l => l with { Staffing = links.GetValueOrDefault(l.Id) });
    }
}
