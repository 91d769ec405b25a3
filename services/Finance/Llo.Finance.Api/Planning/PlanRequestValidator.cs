using Llo.Finance.Domain.Applications;
using Llo.Finance.Domain.Budgets;
using Llo.Finance.Domain.Planning;
using V1 = Llo.Contracts.Finance.V1;

namespace Llo.Finance.Api.Planning;

/// <summary>
/// Turns a planner request into the domain's scenarios and co-financing rules, naming each refused field as the JSON
/// caller wrote it. Ids inside the changes are checked by the domain (with the same field names).
/// </summary>
public static class PlanRequestValidator
{
    public static (IReadOnlyList<Scenario> Scenarios, IReadOnlyList<CoFinancingRule> Rules) Validate(
        V1.RealisePlanRequest request, BudgetVersion budget, IReadOnlyList<FundingApplication> applications,
        IReadOnlyDictionary<Guid, string> partnerNames, FieldViolations violations)
    {
        if (!budget.Covers(request.Year))
        {
            violations.Add("year", $"Het jaar {request.Year} valt buiten de begroting {budget.Label}: kies een jaar van {budget.FirstYear} tot en met {budget.LastYear}.");
        }

        var scenarios = new List<Scenario>();
        if (PlanLists.Scenarios.Check(request.Scenarios.Count, "scenarios", violations))
        {
            for (var i = 0; i < request.Scenarios.Count; i++)
            {
                scenarios.Add(Scenario(request.Scenarios[i], $"scenarios[{i}]", partnerNames, violations));
            }
        }

        var rules = new List<CoFinancingRule>();
        if (PlanLists.Rules.Check(request.CoFinancingRules.Count, "coFinancingRules", violations))
        {
            var funders = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < request.CoFinancingRules.Count; i++)
            {
                var rule = request.CoFinancingRules[i];
                var field = $"coFinancingRules[{i}]";
                var funder = TextField.Check(rule.Funder, $"{field}.funder", "De financier", 100, required: true, violations);
                if (funder.Length > 0 && !applications.Any(a => a.IsFundedBy(funder)))
                {
                    violations.Add($"{field}.funder", $"Er is geen aanvraag bij financier '{funder}'.");
                }
                else if (funder.Length > 0 && !funders.Add(funder))
                {
                    violations.Add($"{field}.funder", $"Voor financier '{funder}' staat er al een regel.");
                }

                if (rule.RequiredOwnSharePercent is < 1 or > 99)
                {
                    violations.Add($"{field}.requiredOwnSharePercent", "De verplichte eigen bijdrage is een heel percentage van 1 tot en met 99.");
                }
                else if (funder.Length > 0)
                {
                    rules.Add(new CoFinancingRule(funder, rule.RequiredOwnSharePercent / 100m));
                }
            }
        }

        return (scenarios, rules);
    }

    private static Scenario Scenario(V1.PlanScenario scenario, string field, IReadOnlyDictionary<Guid, string> partnerNames, FieldViolations violations)
    {
        var name = TextField.Check(scenario.Name, $"{field}.name", "De naam van het scenario", 100, required: true, violations);
        if (scenario.Changes.Count == 0)
        {
            violations.Add($"{field}.changes", "Een scenario heeft minstens één wijziging.");
        }

        var changes = new List<ScenarioChange>();
        if (!PlanLists.Changes.Check(scenario.Changes.Count, $"{field}.changes", violations))
        {
            return new Scenario(name, changes);
        }

        for (var c = 0; c < scenario.Changes.Count; c++)
        {
            var change = scenario.Changes[c];
            var path = $"{field}.changes[{c}]";
            switch (change.ChangeCase)
            {
                case V1.ScenarioChange.ChangeOneofCase.ApplicationRejected:
                    changes.Add(new ApplicationRejected(change.ApplicationRejected));
                    break;
                case V1.ScenarioChange.ChangeOneofCase.FunderRejects:
                    changes.Add(new FunderRejects(change.FunderRejects));
                    break;
                case V1.ScenarioChange.ChangeOneofCase.ApplicationGranted:
                    var share = change.ApplicationGranted.SharePercent;
                    if (share is < 0 or > 100)
                    {
                        violations.Add($"{path}.applicationGranted.sharePercent", "Het toegekende deel is een heel percentage van 1 tot en met 100 (0 of weglaten: volledig).");
                    }

                    changes.Add(new ApplicationGranted(change.ApplicationGranted.ApplicationId, share is > 0 and <= 100 ? share / 100m : 1m));
                    break;
                case V1.ScenarioChange.ChangeOneofCase.PartnerDoesNotContribute:
                    var partner = change.PartnerDoesNotContribute;
                    changes.Add(new PartnerDoesNotContribute(
                        Guid.TryParse(partner, out var organisation) && partnerNames.TryGetValue(organisation, out var known) ? known : partner));
                    break;
                case V1.ScenarioChange.ChangeOneofCase.ExpenseLineDropped:
                    changes.Add(new ExpenseLineDropped(change.ExpenseLineDropped));
                    break;
                case V1.ScenarioChange.ChangeOneofCase.CoFinancingRuleChanged:
                    var rule = change.CoFinancingRuleChanged;
                    if (rule.RequiredOwnSharePercent is < 0 or > 99)
                    {
                        violations.Add($"{path}.coFinancingRuleChanged.requiredOwnSharePercent",
                            "De verplichte eigen bijdrage in dit scenario is een heel percentage van 1 tot en met 99 (0: geen).");
                    }

                    changes.Add(new CoFinancingRuleChanged(rule.Funder,
                        rule.RequiredOwnSharePercent is > 0 and <= 99 ? rule.RequiredOwnSharePercent / 100m : null));
                    break;
                default:
                    violations.Add(path, "Kies precies één wijziging: applicationRejected, funderRejects, applicationGranted, partnerDoesNotContribute, expenseLineDropped of coFinancingRuleChanged.");
                    break;
            }
        }

        return new Scenario(name, changes);
    }
}
