using System.Text;
using Llo.Finance.Domain.Money;

namespace Llo.Finance.Domain.Planning;

/// <summary>A line whose coverage a scenario changes.</summary>
public sealed record CoverageShift(string ExpenseLineId, string Description, Coverage Before, Coverage After);

/// <summary>What a scenario changes against the baseline in one year, with a Dutch summary.</summary>
public sealed record ScenarioDifference(
    string Scenario,
    int Year,
    decimal SecuredIncomeDifference,
    decimal ExpectedIncomeDifference,
    decimal PlannedExpensesDifference,
    IReadOnlyList<CoverageShift> Shifts,
    IReadOnlyList<BrokenCoFinancingRule> NewlyBrokenRules,
    string Summary);

/// <summary>The baseline and every scenario side by side, and each scenario's difference per year.</summary>
public sealed record RealisationPlan(
    ScenarioOutcome Baseline,
    IReadOnlyList<ScenarioOutcome> Scenarios,
    IReadOnlyList<ScenarioDifference> Differences)
{
    public ScenarioOutcome Scenario(string name) =>
        Scenarios.FirstOrDefault(s => s.Name == name)
        ?? throw new FinanceRuleViolation("scenario", $"Het scenario '{name}' is niet doorgerekend.");

    public ScenarioDifference Difference(string scenario, int year) =>
        Differences.FirstOrDefault(d => d.Scenario == scenario && d.Year == year)
        ?? throw new FinanceRuleViolation("scenario", $"Geen verschil voor scenario '{scenario}' in {year}.");
}

internal static class ScenarioComparison
{
    public static ScenarioDifference Compare(string scenario, YearRealisation baseline, YearRealisation other)
    {
        // Both lists hold the same ranked lines, the scenario's without the lines it drops: walk them side by side.
        var shifts = new List<CoverageShift>();
        var b = 0;
        foreach (var line in other.Lines)
        {
            while (b < baseline.Lines.Count && baseline.Lines[b].ExpenseLineId != line.ExpenseLineId)
            {
                b++;
            }

            if (b == baseline.Lines.Count)
            {
                break;
            }

            if (baseline.Lines[b].Coverage != line.Coverage)
            {
                shifts.Add(new CoverageShift(line.ExpenseLineId, line.Description, baseline.Lines[b].Coverage, line.Coverage));
            }

            b++;
        }

        var brokenBefore = baseline.BrokenRules.Select(r => (r.ApplicationId, r.Funder)).ToHashSet();
        var newlyBroken = other.BrokenRules.Where(r => !brokenBefore.Contains((r.ApplicationId, r.Funder))).ToList();
        var secured = other.SecuredIncome - baseline.SecuredIncome;
        var expected = other.ExpectedIncome - baseline.ExpectedIncome;
        var expenses = other.PlannedExpenses - baseline.PlannedExpenses;
        return new ScenarioDifference(scenario, other.Year, secured, expected, expenses, shifts, newlyBroken,
            Summarise(scenario, other.Year, secured, expected, expenses, shifts, newlyBroken));
    }

    private static string Summarise(
        string scenario,
        int year,
        decimal secured,
        decimal expected,
        decimal expenses,
        IReadOnlyList<CoverageShift> shifts,
        IReadOnlyList<BrokenCoFinancingRule> broken)
    {
        var text = new StringBuilder($"{scenario}, {year}: ");
        if (secured == 0 && expected == 0 && expenses == 0 && shifts.Count == 0 && broken.Count == 0)
        {
            return text.Append("geen verschil met de basis.").ToString();
        }

        text.Append($"zeker {Signed(secured)}, verwacht {Signed(expected)}");
        if (expenses != 0)
        {
            text.Append($", geplande uitgaven {Signed(expenses)}");
        }

        text.Append('.');
        foreach (var shift in shifts)
        {
            text.Append($" '{shift.Description}': {Dutch(shift.Before)} → {Dutch(shift.After)}.");
        }

        foreach (var rule in broken)
        {
            text.Append(' ').Append(rule.Message);
        }

        return text.ToString();
    }

    private static string Signed(decimal amount) => amount > 0 ? "+" + Euros.Format(amount) : Euros.Format(amount);

    public static string Dutch(Coverage coverage) => coverage switch
    {
        Coverage.Secured => "gedekt door zekere inkomsten",
        Coverage.Expected => "alleen gedekt door verwachte inkomsten",
        Coverage.NotCovered => "niet gedekt",
        _ => coverage.ToString(),
    };
}
