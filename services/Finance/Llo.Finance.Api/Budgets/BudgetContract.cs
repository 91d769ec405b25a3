using Llo.Contracts.Common.V1;
using Llo.Finance.Domain.Budgets;
using V1 = Llo.Contracts.Finance.V1;

namespace Llo.Finance.Api.Budgets;

/// <summary>A budget version's computed year as the wire carries it: decimal euros become whole cents.</summary>
public static class BudgetContract
{
    public static V1.BudgetVersionInfo Info(BudgetVersion version) => new()
    {
        Number = version.Number,
        Label = version.Label,
        Date = version.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        FirstYear = version.FirstYear,
        LastYear = version.LastYear,
    };

    public static V1.BudgetYear ToContract(BudgetVersion version, BudgetYear year)
    {
        var answer = new V1.BudgetYear
        {
            Year = year.Year,
            Version = Info(version),
            IncomeTotal = Money.FromEuros(year.IncomeTotal),
            ExpenseTotal = Money.FromEuros(year.ExpenseTotal),
            Balance = Money.FromEuros(year.Balance),
        };
        answer.Income.AddRange(year.Income.Select(Line));
        answer.Expenses.AddRange(year.Expenses.Select(Line));
        answer.IncomeByCategory.AddRange(year.IncomeByCategory.Select(Category));
        answer.ExpenseByCategory.AddRange(year.ExpenseByCategory.Select(Category));
        return answer;
    }

    private static V1.BudgetLine Line(BudgetYearLine line) => new()
    {
        Id = line.Id, Description = line.Description, Category = line.Category, Amount = Money.FromEuros(line.Amount), Given = line.Given,
    };

    private static V1.CategoryTotal Category(NamedAmount total) => new() { Category = total.Name, Total = Money.FromEuros(total.Amount) };
}
