using Llo.Finance.Domain.Planning;
using Llo.Finance.Domain.Seed;

namespace Llo.Finance.Domain.Tests.Planning;

/// <summary>
/// Stored co-financing rules: years they hold in, one demand per funder and year, a request's rule taking a funder's
/// place, and a scenario that changes or lifts a funder's rule. Figures are the plan's seed (2022 and 2023 alike).
/// </summary>
public sealed class CoFinancingRuleTests
{
    private readonly PlanSeedData _seed = PlanSeed.Load();

    private PlanningInput Seeded(params CoFinancingRule[] rules) => new(_seed.Budget, _seed.Applications, _seed.Contributions, rules);

    [Fact]
    public void A_stored_rule_is_checked_only_in_the_years_it_holds_and_the_broken_rule_names_it()
    {
        var plan = RealisationPlanner.Realise(Seeded(new CoFinancingRule("BZK", 0.5m, "bzk-vanaf-2023", firstYear: 2023)), [2022, 2023]);

        Assert.Empty(plan.Baseline.Year(2022).BrokenRules);
        var broken = plan.Baseline.Year(2023).BrokenRules;
        Assert.Equal(["programmamanagement", "projectbegeleiding-werk-naar-werk"], broken.Select(b => b.ApplicationId));
        Assert.All(broken, b => Assert.Equal("bzk-vanaf-2023", b.RuleId));
        Assert.Equal((345_000m, 172_500m, 122_500m), (broken[0].CostBasis, broken[0].RequiredOwnContribution, broken[0].AvailableOwnContribution));
    }

    [Fact]
    public void A_funder_has_one_demand_per_year_so_rules_whose_years_meet_overlap()
    {
        var until2023 = new CoFinancingRule("BZK", 0.5m, lastYear: 2023);

        Assert.True(until2023.Overlaps(new CoFinancingRule("bzk", 0.3m, firstYear: 2023)));
        Assert.True(until2023.Overlaps(new CoFinancingRule("BZK", 0.3m)));
        Assert.False(until2023.Overlaps(new CoFinancingRule("BZK", 0.3m, firstYear: 2024)));
        Assert.False(until2023.Overlaps(new CoFinancingRule("EZK", 0.3m)));
        var backwards = Assert.Throws<FinanceRuleViolation>(() => new CoFinancingRule("BZK", 0.5m, firstYear: 2024, lastYear: 2023));
        Assert.Equal("lastYear", Assert.Single(backwards.Violations).Field);
    }

    [Fact]
    public void A_rule_in_the_request_takes_the_place_of_every_stored_rule_of_that_funder()
    {
        var stored = new[] { new CoFinancingRule("BZK", 0.5m, "a", lastYear: 2022), new CoFinancingRule("BZK", 0.4m, "b", firstYear: 2023), new CoFinancingRule("Gemeenten", 0.25m, "c") };

        var merged = CoFinancingRule.Merge(stored, [new CoFinancingRule("bzk", 0.1m)]);

        Assert.Equal([("Gemeenten", 0.25m, "c"), ("bzk", 0.1m, (string?)null)], merged.Select(r => (r.Funder, r.RequiredOwnShare, r.Id)));
        Assert.Empty(RealisationPlanner.Realise(Seeded([.. merged.Where(r => r.Funder == "bzk")]), [2022]).Baseline.Year(2022).BrokenRules);
    }

    [Fact]
    public void A_scenario_can_lift_or_lower_a_funders_rule_and_the_difference_shows_it()
    {
        var plan = RealisationPlanner.Realise(Seeded(new CoFinancingRule("BZK", 0.5m, "bzk")), [2022],
        [
            new Scenario("BZK vraagt niets", [new CoFinancingRuleChanged("BZK", null)]),
            new Scenario("BZK vraagt 10%", [new CoFinancingRuleChanged("bzk", 0.1m)]),
            new Scenario("BZK vraagt 90%", [new CoFinancingRuleChanged("BZK", 0.9m)]),
        ]);

        Assert.Equal(2, plan.Baseline.Year(2022).BrokenRules.Count);
        Assert.Empty(plan.Scenario("BZK vraagt niets").Year(2022).BrokenRules);
        Assert.Empty(plan.Scenario("BZK vraagt 10%").Year(2022).BrokenRules);
        var strict = plan.Scenario("BZK vraagt 90%").Year(2022).BrokenRules;
        Assert.All(strict, b => Assert.Null(b.RuleId));
        Assert.Equal(310_500m, strict[0].RequiredOwnContribution);
    }

    [Fact]
    public void A_scenario_changing_the_rule_of_a_funder_without_applications_or_twice_is_refused_naming_the_change()
    {
        var unknown = Assert.Throws<FinanceRuleViolation>(() => RealisationPlanner.Realise(Seeded(), [2022],
            [new Scenario("Onbekend", [new CoFinancingRuleChanged("ESF", 0.2m)])]));
        var twice = Assert.Throws<FinanceRuleViolation>(() => RealisationPlanner.Realise(Seeded(), [2022],
            [new Scenario("Dubbel", [new CoFinancingRuleChanged("BZK", 0.2m), new CoFinancingRuleChanged("BZK", 0.3m)])]));

        var violation = Assert.Single(unknown.Violations);
        Assert.Equal("scenarios[0].changes[0].funder", violation.Field);
        Assert.Contains("geen aanvraag bij financier 'ESF'", violation.Message);
        Assert.Equal("scenarios[0].changes[1].funder", Assert.Single(twice.Violations).Field);
    }
}
