using System.Globalization;
using Llo.Finance.Domain.Money;

namespace Llo.Finance.Domain.Planning;

/// <summary>
/// An expense line in the order money goes to it (<see cref="Rank"/> 1 first), with how much of it the secured and
/// then the expected income pay. A value, not an object: a plan holds one per line, year and scenario.
/// </summary>
public readonly record struct LineCoverage(
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
public readonly record struct IncomeForecast(string Id, string Name, decimal Secured, decimal Weighted);

/// <summary>
/// A co-financing rule that a year's money does not meet, with the figures and a Dutch sentence naming it (written
/// when read: a plan with many scenarios can break many rules, and formatting them all is most of its cost).
/// </summary>
public sealed record BrokenCoFinancingRule(
    string ApplicationId,
    string ApplicationTitle,
    string Funder,
    int Year,
    decimal RequiredOwnShare,
    decimal CostBasis,
    decimal FunderAmount,
    decimal RequiredOwnContribution,
    decimal AvailableOwnContribution,
    string? RuleId = null)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>True when the application alone pays more of its costs than the funder allows, whatever else comes in.</summary>
    public bool ApplicationCoversTooMuch => CostBasis - FunderAmount < RequiredOwnContribution;

    public string Message =>
        $"Cofinanciering {Funder} ({Year}, aanvraag '{ApplicationTitle}'): vereist is een eigen bijdrage van " +
        $"{(RequiredOwnShare * 100m).ToString("0.##", Dutch)}% van {Euros.Format(CostBasis)} = {Euros.Format(RequiredOwnContribution)}, " +
        $"beschikbaar is {Euros.Format(AvailableOwnContribution)}" +
        (ApplicationCoversTooMuch
            ? $" (de aanvraag van {Euros.Format(FunderAmount)} dekt een te groot deel van de kosten)."
            : " (de overige inkomsten zijn te laag).");
}

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

    public LineCoverage Line(string expenseLineId)
    {
        foreach (var line in Lines)
        {
            if (line.ExpenseLineId == expenseLineId)
            {
                return line;
            }
        }

        throw new FinanceRuleViolation("expenseLineId", $"De uitgavenregel '{expenseLineId}' staat niet in {Year}.");
    }
}

/// <summary>A scenario's years (the baseline is the scenario without changes).</summary>
public sealed record ScenarioOutcome(string Name, IReadOnlyList<YearRealisation> Years)
{
    public YearRealisation Year(int year) =>
        Years.FirstOrDefault(y => y.Year == year)
        ?? throw new FinanceRuleViolation("year", $"Het jaar {year} is niet doorgerekend.");
}
