using Llo.Finance.Domain.Money;

namespace Llo.Finance.Domain.Planning;

/// <summary>
/// An expense line in the order money goes to it (<see cref="Rank"/> 1 first), with how much of it the secured and
/// then the expected income pay.
/// </summary>
public sealed record LineCoverage(
    string ExpenseLineId,
    string Description,
    int Priority,
    int Rank,
    decimal Amount,
    decimal FromSecured,
    decimal FromExpected,
    Coverage Coverage)
{
    public decimal Shortfall => Amount - FromSecured - FromExpected;
}

/// <summary>One application's or contribution's part of a year's income in a scenario.</summary>
public sealed record IncomeForecast(string Id, string Name, decimal Secured, decimal Weighted);

/// <summary>A co-financing rule that a year's money does not meet, with the figures and a Dutch sentence naming it.</summary>
public sealed record BrokenCoFinancingRule(
    string ApplicationId,
    string Funder,
    int Year,
    decimal CostBasis,
    decimal FunderAmount,
    decimal RequiredOwnContribution,
    decimal AvailableOwnContribution,
    string Message);

/// <summary>One year of one scenario: income secured and expected, the planned expenses, and which lines the money reaches.</summary>
public sealed record YearRealisation(
    int Year,
    decimal SecuredIncome,
    decimal WeightedIncome,
    decimal PlannedExpenses,
    IReadOnlyList<LineCoverage> Lines,
    IReadOnlyList<IncomeForecast> Income,
    IReadOnlyList<BrokenCoFinancingRule> BrokenRules)
{
    /// <summary>Secured plus the probability-weighted rest.</summary>
    public decimal ExpectedIncome => SecuredIncome + WeightedIncome;

    public decimal SecuredBalance => SecuredIncome - PlannedExpenses;

    public decimal ExpectedBalance => ExpectedIncome - PlannedExpenses;

    /// <summary>What the planned expenses cost with 21% VAT, for a payer that cannot recover it.</summary>
    public decimal PlannedExpensesIncludingVat => Vat.Including(PlannedExpenses);

    public IEnumerable<LineCoverage> CoveredBySecured => Lines.Where(l => l.Coverage == Coverage.Secured);

    public IEnumerable<LineCoverage> CoveredOnlyByExpected => Lines.Where(l => l.Coverage == Coverage.Expected);

    public IEnumerable<LineCoverage> NotCovered => Lines.Where(l => l.Coverage == Coverage.NotCovered);

    public LineCoverage Line(string expenseLineId) =>
        Lines.FirstOrDefault(l => l.ExpenseLineId == expenseLineId)
        ?? throw new FinanceRuleViolation("expenseLineId", $"De uitgavenregel '{expenseLineId}' staat niet in {Year}.");
}

/// <summary>A scenario's years (the baseline is the scenario without changes).</summary>
public sealed record ScenarioOutcome(string Name, IReadOnlyList<YearRealisation> Years)
{
    public YearRealisation Year(int year) =>
        Years.FirstOrDefault(y => y.Year == year)
        ?? throw new FinanceRuleViolation("year", $"Het jaar {year} is niet doorgerekend.");
}
