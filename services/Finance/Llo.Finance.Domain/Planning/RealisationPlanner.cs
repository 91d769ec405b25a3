using Llo.Finance.Domain.Applications;
using Llo.Finance.Domain.Budgets;
using Llo.Finance.Domain.Contributions;
using Llo.Finance.Domain.Money;

namespace Llo.Finance.Domain.Planning;

/// <summary>
/// "Op basis van het binnen gehaalde bedrag wordt besloten wat er wel of helaas nog niet van de plannen gerealiseerd
/// kan worden." Per year: secured income (granted applications, paid contributions), expected income (the rest
/// weighted by its probability, each item rounded to cents), and the planned expenses in order of priority (equal
/// priorities in budget order). Money goes to the highest priority first, secured money before expected money; a line
/// that money only partly pays takes what is left, so the lines below it get nothing: that is the line where the
/// programme has to choose. Scenarios are computed the same way and compared with the baseline.
/// </summary>
public static class RealisationPlanner
{
    public const int MaximumScenarios = 20;

    public static RealisationPlan Realise(PlanningInput input, IReadOnlyList<int>? years = null, IReadOnlyList<Scenario>? scenarios = null)
    {
        years ??= input.Budget.Years.ToList();
        scenarios ??= [];
        Validate(input, years, scenarios);

        var prepared = new Prepared(input);
        var baseline = Outcome("Basis", prepared, years, Assumptions.None);
        var outcomes = new List<ScenarioOutcome>(scenarios.Count);
        var differences = new List<ScenarioDifference>(scenarios.Count * years.Count);
        for (var i = 0; i < scenarios.Count; i++)
        {
            var scenario = scenarios[i];
            var outcome = Outcome(scenario.Name, prepared, years, Assumptions.From(scenario, i, input));
            outcomes.Add(outcome);
            for (var y = 0; y < years.Count; y++)
            {
                differences.Add(ScenarioComparison.Compare(scenario.Name, baseline.Years[y], outcome.Years[y]));
            }
        }

        return new RealisationPlan(baseline, outcomes, differences);
    }

    private static void Validate(PlanningInput input, IReadOnlyList<int> years, IReadOnlyList<Scenario> scenarios)
    {
        var violations = new List<FieldViolation>();
        if (years.Count == 0)
        {
            violations.Add(new("years", "Kies minstens één jaar om door te rekenen."));
        }

        for (var i = 0; i < years.Count; i++)
        {
            if (!input.Budget.Covers(years[i]))
            {
                violations.Add(new($"years[{i}]", $"Het jaar {years[i]} valt buiten begroting {input.Budget.Label} ({input.Budget.FirstYear}–{input.Budget.LastYear})."));
            }
        }

        if (years.Distinct().Count() != years.Count)
        {
            violations.Add(new("years", "Elk jaar mag maar één keer gevraagd worden."));
        }

        if (scenarios.Count > MaximumScenarios)
        {
            violations.Add(new("scenarios", $"Hoogstens {MaximumScenarios} scenario's tegelijk."));
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Basis" };
        for (var i = 0; i < scenarios.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(scenarios[i].Name))
            {
                violations.Add(new($"scenarios[{i}].name", "Geef elk scenario een naam."));
            }
            else if (!names.Add(scenarios[i].Name))
            {
                violations.Add(new($"scenarios[{i}].name", $"De naam '{scenarios[i].Name}' is al gebruikt (ook 'Basis' is bezet)."));
            }
        }

        FinanceRuleViolation.ThrowIfAny(violations);
    }

    private static ScenarioOutcome Outcome(string name, Prepared prepared, IReadOnlyList<int> years, Assumptions assumptions)
    {
        var result = new List<YearRealisation>(years.Count);
        foreach (var year in years)
        {
            result.Add(Year(prepared, year, assumptions));
        }

        return new ScenarioOutcome(name, result);
    }

    private static YearRealisation Year(Prepared prepared, int year, Assumptions assumptions)
    {
        var input = prepared.Input;
        var contributions = prepared.ContributionsIn(year);
        var income = new List<IncomeForecast>(input.Applications.Count + contributions.Count);
        decimal secured = 0m, weighted = 0m;
        foreach (var application in input.Applications)
        {
            var (s, w) = assumptions.Application(application, year);
            income.Add(new IncomeForecast(application.Id, application.Title, s, w));
            secured += s;
            weighted += w;
        }

        foreach (var contribution in contributions)
        {
            var w = assumptions.PartnerWithdraws(contribution.Partner) ? 0m : contribution.WeightedOutstanding;
            income.Add(new IncomeForecast(contribution.Id, contribution.Partner, contribution.Paid, w));
            secured += contribution.Paid;
            weighted += w;
        }

        var ranked = prepared.RankedExpenses;
        var lines = new List<LineCoverage>(ranked.Count);
        decimal planned = 0m, leftSecured = secured, leftExpected = weighted;
        var rank = 0;
        foreach (var line in ranked)
        {
            if (line.Amounts.Given(year) is not { } amount || assumptions.Dropped(line.Id))
            {
                continue;
            }

            planned += amount;
            var fromSecured = Math.Min(amount, leftSecured);
            leftSecured -= fromSecured;
            var fromExpected = Math.Min(amount - fromSecured, leftExpected);
            leftExpected -= fromExpected;
            var coverage = fromSecured == amount ? Coverage.Secured
                : fromSecured + fromExpected == amount ? Coverage.Expected
                : Coverage.NotCovered;
            lines.Add(new LineCoverage(line.Id, line.Description, line.Priority, ++rank, amount, fromSecured, fromExpected, coverage));
        }

        var broken = CheckCoFinancing(prepared, year, assumptions, secured + weighted, planned, income);
        return new YearRealisation(year, secured, weighted, planned, lines, income, broken);
    }

    private static List<BrokenCoFinancingRule> CheckCoFinancing(
        Prepared prepared,
        int year,
        Assumptions assumptions,
        decimal expectedIncome,
        decimal plannedExpenses,
        List<IncomeForecast> income)
    {
        var broken = new List<BrokenCoFinancingRule>();
        var applications = prepared.Input.Applications;
        var rulesFor = assumptions.RulesFor ?? prepared.RulesFor;
        for (var i = 0; i < applications.Count; i++)
        {
            var rules = rulesFor[i];
            if (rules.Length == 0)
            {
                continue;
            }

            var application = applications[i];
            var funderAmount = assumptions.Standing(application, year);
            if (funderAmount == 0m)
            {
                continue;
            }

            var basis = plannedExpenses;
            if (prepared.FundedLines[i] is { Length: > 0 } funded)
            {
                basis = 0m;
                foreach (var line in funded)
                {
                    basis += assumptions.Dropped(line.Id) ? 0m : line.Amounts.For(year);
                }
            }

            var others = expectedIncome - income[i].Secured - income[i].Weighted;
            var available = Math.Max(0m, Math.Min(others, basis - funderAmount));
            foreach (var rule in rules)
            {
                if (!rule.HoldsIn(year))
                {
                    continue;
                }

                var required = Euros.Round(basis * rule.RequiredOwnShare);
                if (available < required)
                {
                    broken.Add(new BrokenCoFinancingRule(application.Id, application.Title, rule.Funder, year, rule.RequiredOwnShare,
                        basis, funderAmount, required, available, rule.Id));
                }
            }
        }

        return broken;
    }

    /// <summary>What every scenario and year reads the same way, worked out once per plan.</summary>
    private sealed class Prepared
    {
        private readonly Dictionary<int, List<PartnerContribution>> _contributionsByYear;

        public Prepared(PlanningInput input)
        {
            Input = input;
            RankedExpenses = input.Budget.ExpenseLines
                .Select((line, index) => (line, index))
                .OrderBy(x => x.line.Priority)
                .ThenBy(x => x.index)
                .Select(x => x.line)
                .ToList();
            RulesFor = RulesPerApplication(input, input.CoFinancingRules);
            FundedLines = input.Applications
                .Select(a => a.FundedExpenseLineIds.Select(input.Budget.ExpenseLine).ToArray())
                .ToArray();
            _contributionsByYear = input.Contributions.GroupBy(c => c.Year).ToDictionary(g => g.Key, g => g.ToList());
        }

        public PlanningInput Input { get; }

        /// <summary>By priority, equal priorities in budget order.</summary>
        public IReadOnlyList<ExpenseLine> RankedExpenses { get; }

        /// <summary>Per application (same index), the co-financing rules of its funders.</summary>
        public CoFinancingRule[][] RulesFor { get; }

        /// <summary>Per application (same index), the expense lines it names as its costs.</summary>
        public ExpenseLine[][] FundedLines { get; }

        public IReadOnlyList<PartnerContribution> ContributionsIn(int year) =>
            _contributionsByYear.TryGetValue(year, out var contributions) ? contributions : [];

        public static CoFinancingRule[][] RulesPerApplication(PlanningInput input, IReadOnlyList<CoFinancingRule> rules) =>
            input.Applications.Select(a => rules.Where(r => a.IsFundedBy(r.Funder)).ToArray()).ToArray();
    }

    /// <summary>A scenario's changes, resolved against the input once (ids checked), then read per application and line.</summary>
    private sealed class Assumptions
    {
        public static readonly Assumptions None = new();

        private readonly HashSet<string> _rejected = [];
        private readonly Dictionary<string, decimal> _granted = [];
        private readonly HashSet<string> _withdrawingPartners = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _droppedLines = [];

        /// <summary>Per application, the co-financing rules when the scenario changes a funder's rule; null: the input's.</summary>
        public CoFinancingRule[][]? RulesFor { get; private set; }

        public static Assumptions From(Scenario scenario, int index, PlanningInput input)
        {
            var assumptions = new Assumptions();
            var violations = new List<FieldViolation>();
            var changedRules = new Dictionary<string, CoFinancingRule?>(StringComparer.OrdinalIgnoreCase);
            for (var c = 0; c < scenario.Changes.Count; c++)
            {
                var field = $"scenarios[{index}].changes[{c}]";
                var prefix = $"Scenario '{scenario.Name}':";
                switch (scenario.Changes[c])
                {
                    case ApplicationRejected rejected when Exists(input, rejected.ApplicationId):
                        assumptions._rejected.Add(rejected.ApplicationId);
                        break;
                    case FunderRejects funder:
                        var theirs = input.Applications.Where(a => a.IsFundedBy(funder.Funder)).ToList();
                        if (theirs.Count == 0)
                        {
                            violations.Add(new(field, $"{prefix} er is geen aanvraag bij financier '{funder.Funder}'."));
                        }

                        assumptions._rejected.UnionWith(theirs.Select(a => a.Id));
                        break;
                    case ApplicationGranted granted when Exists(input, granted.ApplicationId):
                        if (granted.Share is <= 0m or > 1m)
                        {
                            violations.Add(new($"{field}.share", $"{prefix} het toegekende deel ligt tussen 0 (niet inbegrepen) en 1 (volledig)."));
                        }

                        assumptions._granted[granted.ApplicationId] = granted.Share;
                        break;
                    case PartnerDoesNotContribute partner:
                        if (!input.Contributions.Any(x => string.Equals(x.Partner, partner.Partner, StringComparison.OrdinalIgnoreCase)))
                        {
                            violations.Add(new(field, $"{prefix} de partner '{partner.Partner}' heeft geen bijdrage."));
                        }

                        assumptions._withdrawingPartners.Add(partner.Partner);
                        break;
                    case ExpenseLineDropped dropped:
                        if (!input.Budget.ExpenseLines.Any(l => l.Id == dropped.ExpenseLineId))
                        {
                            violations.Add(new(field, $"{prefix} de uitgavenregel '{dropped.ExpenseLineId}' bestaat niet."));
                        }

                        assumptions._droppedLines.Add(dropped.ExpenseLineId);
                        break;
                    case CoFinancingRuleChanged rule:
                        if (!input.Applications.Any(a => a.IsFundedBy(rule.Funder)))
                        {
                            violations.Add(new($"{field}.funder", $"{prefix} er is geen aanvraag bij financier '{rule.Funder}'."));
                        }
                        else if (rule.RequiredOwnShare is <= 0m or >= 1m)
                        {
                            violations.Add(new($"{field}.requiredOwnShare", $"{prefix} de verplichte eigen bijdrage ligt tussen 0 en 1 (of geen)."));
                        }
                        else if (!changedRules.TryAdd(rule.Funder, rule.RequiredOwnShare is { } share ? new CoFinancingRule(rule.Funder, share) : null))
                        {
                            violations.Add(new($"{field}.funder", $"{prefix} de regel van financier '{rule.Funder}' is al gewijzigd."));
                        }

                        break;
                    case ApplicationRejected or ApplicationGranted:
                        var id = scenario.Changes[c] is ApplicationRejected r ? r.ApplicationId : ((ApplicationGranted)scenario.Changes[c]).ApplicationId;
                        violations.Add(new(field, $"{prefix} de aanvraag '{id}' bestaat niet."));
                        break;
                    default:
                        violations.Add(new(field, $"{prefix} onbekende wijziging."));
                        break;
                }
            }

            FinanceRuleViolation.ThrowIfAny(violations);
            if (changedRules.Count > 0)
            {
                var rules = input.CoFinancingRules.Where(r => !changedRules.ContainsKey(r.Funder)).Concat(changedRules.Values.OfType<CoFinancingRule>()).ToList();
                assumptions.RulesFor = Prepared.RulesPerApplication(input, rules);
            }

            return assumptions;
        }

        public (decimal Secured, decimal Weighted) Application(FundingApplication application, int year)
        {
            if (_rejected.Contains(application.Id))
            {
                return (0m, 0m);
            }

            if (_granted.TryGetValue(application.Id, out var share))
            {
                return (Euros.Round(application.Requested.For(year) * share), 0m);
            }

            return (application.SecuredIn(year), application.WeightedIn(year));
        }

        /// <summary>What the funders pay if the application stands in this scenario (unweighted): the basis of co-financing.</summary>
        public decimal Standing(FundingApplication application, int year)
        {
            if (_rejected.Contains(application.Id))
            {
                return 0m;
            }

            return _granted.TryGetValue(application.Id, out var share)
                ? Euros.Round(application.Requested.For(year) * share)
                : application.AmountIn(year);
        }

        public bool PartnerWithdraws(string partner) => _withdrawingPartners.Count > 0 && _withdrawingPartners.Contains(partner);

        public bool Dropped(string expenseLineId) => _droppedLines.Count > 0 && _droppedLines.Contains(expenseLineId);

        private static bool Exists(PlanningInput input, string applicationId) => input.Applications.Any(a => a.Id == applicationId);
    }
}
