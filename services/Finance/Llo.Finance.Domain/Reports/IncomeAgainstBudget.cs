using Llo.Finance.Domain.Applications;
using Llo.Finance.Domain.Budgets;
using Llo.Finance.Domain.Contributions;

namespace Llo.Finance.Domain.Reports;

/// <summary>One budget income line in a year: what the budget counts on, and what the applications and contributions
/// that fill it have secured and are expected to bring.</summary>
public sealed record IncomeLineRealisation(
    string? IncomeLineId,
    string Description,
    string Funder,
    decimal Budgeted,
    decimal Secured,
    decimal Weighted)
{
    public decimal Expected => Secured + Weighted;

    /// <summary>Budgeted minus expected: positive is money still missing, negative more than budgeted.</summary>
    public decimal Gap => Budgeted - Expected;
}

/// <summary>
/// The budget's income lines against the income as it stands, per year: each application and contribution counts on
/// the line it names (<c>IncomeLineId</c>); those naming none are gathered in one row "Niet begroot".
/// </summary>
public static class IncomeAgainstBudget
{
    public const string Unbudgeted = "Niet begroot";

    public static IReadOnlyList<IncomeLineRealisation> For(
        BudgetVersion budget,
        IEnumerable<FundingApplication> applications,
        IEnumerable<PartnerContribution> contributions,
        int year)
    {
        budget.Year(year);
        var secured = new Dictionary<string, decimal>();
        var weighted = new Dictionary<string, decimal>();
        decimal unbudgetedSecured = 0m, unbudgetedWeighted = 0m;

        void Count(string? lineId, decimal s, decimal w)
        {
            if (lineId is null)
            {
                unbudgetedSecured += s;
                unbudgetedWeighted += w;
                return;
            }

            budget.IncomeLine(lineId);
            secured[lineId] = secured.GetValueOrDefault(lineId) + s;
            weighted[lineId] = weighted.GetValueOrDefault(lineId) + w;
        }

        foreach (var application in applications)
        {
            Count(application.IncomeLineId, application.SecuredIn(year), application.WeightedIn(year));
        }

        foreach (var contribution in contributions.Where(c => c.Year == year))
        {
            Count(contribution.IncomeLineId, contribution.Paid, contribution.WeightedOutstanding);
        }

        var rows = budget.IncomeLines
            .Select(l => new IncomeLineRealisation(l.Id, l.Description, l.Funder, l.Amounts.For(year),
                secured.GetValueOrDefault(l.Id), weighted.GetValueOrDefault(l.Id)))
            .ToList();
        if (unbudgetedSecured != 0m || unbudgetedWeighted != 0m)
        {
            rows.Add(new IncomeLineRealisation(null, Unbudgeted, "", 0m, unbudgetedSecured, unbudgetedWeighted));
        }

        return rows;
    }
}
