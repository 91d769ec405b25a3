using Llo.Contracts.Common.V1;
using Llo.Finance.Domain.Planning;
using V1 = Llo.Contracts.Finance.V1;

namespace Llo.Finance.Api.Planning;

/// <summary>The planner's outcome as the wire carries it: decimal euros become whole cents, shares whole percents.</summary>
public static class PlanContract
{
    public static readonly EnumMap<V1.Coverage, Coverage> Coverages = new();

    public static V1.YearOutcome Outcome(YearRealisation year)
    {
        var outcome = new V1.YearOutcome
        {
            SecuredIncome = Money.FromEuros(year.SecuredIncome),
            WeightedIncome = Money.FromEuros(year.WeightedIncome),
            ExpectedIncome = Money.FromEuros(year.ExpectedIncome),
            PlannedExpenses = Money.FromEuros(year.PlannedExpenses),
            PlannedExpensesIncludingVat = Money.FromEuros(year.PlannedExpensesIncludingVat),
            SecuredBalance = Money.FromEuros(year.SecuredBalance),
            ExpectedBalance = Money.FromEuros(year.ExpectedBalance),
        };
        outcome.Lines.AddRange(year.Lines.Select(l => new V1.LineCoverage
        {
            ExpenseLineId = l.ExpenseLineId,
            Description = l.Description,
            Priority = l.Priority,
            Rank = l.Rank,
            Amount = Money.FromEuros(l.Amount),
            FromSecured = Money.FromEuros(l.FromSecured),
            FromExpected = Money.FromEuros(l.FromExpected),
            Shortfall = Money.FromEuros(l.Shortfall),
            Coverage = Coverages.ToContract(l.Coverage),
        }));
        outcome.Income.AddRange(year.Income.Select(i => new V1.IncomeForecast
        {
            Id = i.Id, Name = i.Name, Secured = Money.FromEuros(i.Secured), Weighted = Money.FromEuros(i.Weighted),
        }));
        outcome.BrokenRules.AddRange(year.BrokenRules.Select(Rule));
        return outcome;
    }

    public static V1.ScenarioDifference Difference(ScenarioDifference difference)
    {
        var answer = new V1.ScenarioDifference
        {
            SecuredIncome = Money.FromEuros(difference.SecuredIncomeDifference),
            ExpectedIncome = Money.FromEuros(difference.ExpectedIncomeDifference),
            PlannedExpenses = Money.FromEuros(difference.PlannedExpensesDifference),
            Summary = difference.Summary,
        };
        answer.Shifts.AddRange(difference.Shifts.Select(s => new V1.CoverageShift
        {
            ExpenseLineId = s.ExpenseLineId, Description = s.Description, Before = Coverages.ToContract(s.Before), After = Coverages.ToContract(s.After),
        }));
        answer.NewlyBrokenRules.AddRange(difference.NewlyBrokenRules.Select(Rule));
        return answer;
    }

    private static V1.BrokenCoFinancingRule Rule(BrokenCoFinancingRule rule) => new()
    {
        ApplicationId = rule.ApplicationId,
        Funder = rule.Funder,
        RequiredOwnSharePercent = (int)Math.Round(rule.RequiredOwnShare * 100m),
        CostBasis = Money.FromEuros(rule.CostBasis),
        FunderAmount = Money.FromEuros(rule.FunderAmount),
        RequiredOwnContribution = Money.FromEuros(rule.RequiredOwnContribution),
        AvailableOwnContribution = Money.FromEuros(rule.AvailableOwnContribution),
        Message = rule.Message,
        RuleId = rule.RuleId ?? "",
    };
}
