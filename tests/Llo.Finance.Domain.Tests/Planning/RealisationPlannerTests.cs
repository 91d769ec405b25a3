using Llo.Finance.Domain.Applications;
using Llo.Finance.Domain.Budgets;
using Llo.Finance.Domain.Contributions;
using Llo.Finance.Domain.Planning;
using Llo.Finance.Domain.Seed;

namespace Llo.Finance.Domain.Tests.Planning;

public sealed class RealisationPlannerTests
{
    private readonly PlanSeedData _seed = PlanSeed.Load();

    private PlanningInput Seeded(IReadOnlyList<CoFinancingRule>? rules = null) =>
        new(_seed.Budget, _seed.Applications, _seed.Contributions, rules ?? []);

    /// <summary>The seed with the programme manager granted and Vlaardingen's 2022 fee paid.</summary>
    private PlanningInput Progressed(IReadOnlyList<CoFinancingRule>? rules = null)
    {
        var applications = _seed.Applications.Select(a => a.Id == "programmamanagement" ? a.Submit().GrantInFull() : a).ToList();
        var contributions = _seed.Contributions
            .Select(c => c.Id == "gemeente-vlaardingen-2022" ? c.Invoice(5_000m).Pay(5_000m) : c)
            .ToList();
        return new PlanningInput(_seed.Budget, applications, contributions, rules ?? []);
    }

    [Fact]
    public void With_the_plans_budget_as_seeded_nothing_is_secured_and_half_of_everything_is_expected()
    {
        var year = RealisationPlanner.Realise(Seeded()).Baseline.Year(2022);

        Assert.Equal(0m, year.SecuredIncome);
        Assert.Equal(150_000m + 22_500m, year.ExpectedIncome);
        Assert.Equal(345_000m, year.PlannedExpenses);
        Assert.Equal(-172_500m, year.ExpectedBalance);
        Assert.Equal(417_450m, year.PlannedExpensesIncludingVat);
        Assert.Equal(Coverage.Expected, year.Line("programmamanager").Coverage);
        var schoolToWork = year.Line("projectleider-school-naar-werk");
        Assert.Equal((Coverage.NotCovered, 73_500m, 7_500m), (schoolToWork.Coverage, schoolToWork.FromExpected, schoolToWork.Shortfall));
        Assert.Equal(0m, year.Line("projectleider-werk-naar-werk").FromExpected);
    }

    [Fact]
    public void Expense_lines_are_ranked_by_priority_then_budget_order_and_a_blank_year_is_left_out()
    {
        var year2022 = RealisationPlanner.Realise(Seeded()).Baseline.Year(2022);
        var year2024 = RealisationPlanner.Realise(Seeded()).Baseline.Year(2024);

        Assert.Equal(
            [
                "programmamanager", "projectleider-school-naar-werk", "projectleider-werk-naar-werk", "projectleider-huis-naar-werk",
                "secretariele-ondersteuning", "algemene-kosten", "strategisch-advies", "communicatie", "bijeenkomsten", "overige-onkosten",
            ],
            year2022.Lines.Select(l => l.ExpenseLineId));
        Assert.Equal(Enumerable.Range(1, 10), year2022.Lines.Select(l => l.Rank));
        Assert.DoesNotContain(year2024.Lines, l => l.ExpenseLineId == "projectleider-huis-naar-werk");
        Assert.Equal(264_000m, year2024.PlannedExpenses);
    }

    [Fact]
    public void Secured_money_pays_the_top_lines_expected_money_the_next_and_the_rest_is_not_covered()
    {
        var year = RealisationPlanner.Realise(Progressed()).Baseline.Year(2022);

        Assert.Equal(105_000m, year.SecuredIncome);
        Assert.Equal(100_000m + 7_500m + 2_500m + 2_500m + 7_500m, year.WeightedIncome);
        Assert.Equal(["programmamanager"], year.CoveredBySecured.Where(l => l.Amount > 0).Select(l => l.ExpenseLineId));
        Assert.Equal(["projectleider-school-naar-werk"], year.CoveredOnlyByExpected.Select(l => l.ExpenseLineId));
        var workToWork = year.Line("projectleider-werk-naar-werk");
        Assert.Equal((Coverage.NotCovered, 0m, 45_000m, 36_000m), (workToWork.Coverage, workToWork.FromSecured, workToWork.FromExpected, workToWork.Shortfall));
        Assert.Equal(
            ["projectleider-werk-naar-werk", "secretariele-ondersteuning", "algemene-kosten", "strategisch-advies", "communicatie", "bijeenkomsten", "overige-onkosten"],
            year.NotCovered.Select(l => l.ExpenseLineId));
        Assert.Equal(year.SecuredIncome + year.WeightedIncome, year.Lines.Sum(l => l.FromSecured + l.FromExpected));
    }

    [Fact]
    public void Scenarios_stand_side_by_side_with_their_difference_to_the_baseline()
    {
        var plan = RealisationPlanner.Realise(Progressed(), [2022, 2024],
        [
            new Scenario("BZK wijst af", [new FunderRejects("BZK")]),
            new Scenario("Schiedam draagt niet bij", [new PartnerDoesNotContribute("Gemeente Schiedam")]),
            new Scenario("Alles toegekend", [new ApplicationGranted("projectbegeleiding-school-naar-werk"), new ApplicationGranted("projectbegeleiding-werk-naar-werk")]),
        ]);

        Assert.Equal(["BZK wijst af", "Schiedam draagt niet bij", "Alles toegekend"], plan.Scenarios.Select(s => s.Name));
        Assert.Equal(6, plan.Differences.Count);

        var bzk = plan.Difference("BZK wijst af", 2022);
        Assert.Equal(-100_000m, bzk.SecuredIncomeDifference);
        Assert.Equal(-150_000m, bzk.ExpectedIncomeDifference);
        Assert.Contains(new CoverageShift("programmamanager", "Programmamanager LLO", Coverage.Secured, Coverage.NotCovered), bzk.Shifts);
        Assert.Contains(new CoverageShift("projectleider-school-naar-werk", "Projectleider School naar Werk", Coverage.Expected, Coverage.NotCovered), bzk.Shifts);
        Assert.StartsWith("BZK wijst af, 2022: zeker -€ 100.000,00, verwacht -€ 150.000,00. 'Programmamanager LLO': gedekt door zekere inkomsten → niet gedekt.", bzk.Summary);

        var schiedam = plan.Difference("Schiedam draagt niet bij", 2024);
        Assert.Equal((0m, -2_500m), (schiedam.SecuredIncomeDifference, schiedam.ExpectedIncomeDifference));

        var all = plan.Scenario("Alles toegekend").Year(2022);
        Assert.Equal(105_000m + 200_000m, all.SecuredIncome);
        Assert.Equal(
            ["programmamanager", "projectleider-school-naar-werk", "projectleider-werk-naar-werk", "projectleider-huis-naar-werk", "secretariele-ondersteuning"],
            all.CoveredBySecured.Select(l => l.ExpenseLineId));
        Assert.Equal(Coverage.Expected, all.Line("algemene-kosten").Coverage);
        Assert.Equal(Coverage.NotCovered, all.Line("strategisch-advies").Coverage);
        Assert.Equal(2022, plan.Baseline.Years[0].Year);
    }

    [Fact]
    public void A_scenario_that_removes_all_income_leaves_every_line_that_costs_money_uncovered()
    {
        var input = Progressed();
        var everything = new Scenario("Niets", [
            new FunderRejects("Rijnmonds LWA"), new FunderRejects("Gemeenten"), new FunderRejects("EZK"),
            .. input.Contributions.Select(c => c.Partner).Distinct().Select(p => new PartnerDoesNotContribute(p)),
        ]);

        var plan = RealisationPlanner.Realise(input, [2023], [everything]);

        var year = plan.Scenario("Niets").Year(2023);
        Assert.Equal((0m, 0m), (year.SecuredIncome, year.ExpectedIncome));
        Assert.All(year.Lines.Where(l => l.Amount > 0), l => Assert.Equal(Coverage.NotCovered, l.Coverage));
        Assert.Equal(-plan.Baseline.Year(2023).ExpectedIncome, plan.Difference("Niets", 2023).ExpectedIncomeDifference);
    }

    [Fact]
    public void A_vlaardingen_payment_already_made_stays_when_the_partner_withdraws_the_rest()
    {
        var plan = RealisationPlanner.Realise(Progressed(), [2022], [new Scenario("Vlaardingen stopt", [new PartnerDoesNotContribute("gemeente vlaardingen")])]);

        Assert.Equal(0m, plan.Difference("Vlaardingen stopt", 2022).SecuredIncomeDifference);
        Assert.Equal("Vlaardingen stopt, 2022: geen verschil met de basis.", plan.Difference("Vlaardingen stopt", 2022).Summary);
    }

    [Fact]
    public void Dropping_an_expense_line_lowers_the_planned_expenses_and_frees_money_for_the_lines_below()
    {
        var plan = RealisationPlanner.Realise(Progressed(), [2022], [new Scenario("Geen WnW", [new ExpenseLineDropped("projectleider-werk-naar-werk")])]);

        var difference = plan.Difference("Geen WnW", 2022);
        Assert.Equal(-81_000m, difference.PlannedExpensesDifference);
        Assert.DoesNotContain(plan.Scenario("Geen WnW").Year(2022).Lines, l => l.ExpenseLineId == "projectleider-werk-naar-werk");
        Assert.Equal(
            [
                new CoverageShift("secretariele-ondersteuning", "Secretariële en Administratieve Ondersteuning", Coverage.NotCovered, Coverage.Expected),
                new CoverageShift("algemene-kosten", "Algemene kosten", Coverage.NotCovered, Coverage.Expected),
            ],
            difference.Shifts);
        Assert.Equal(Coverage.NotCovered, plan.Scenario("Geen WnW").Year(2022).Line("strategisch-advies").Coverage);
    }

    [Fact]
    public void With_no_income_at_all_nothing_is_covered_and_the_balance_is_the_whole_budget()
    {
        var year = RealisationPlanner.Realise(new PlanningInput(_seed.Budget, [], [], [])).Baseline.Year(2024);

        Assert.Equal(0m, year.ExpectedIncome);
        Assert.Equal(-264_000m, year.SecuredBalance);
        Assert.Empty(year.Income);
        Assert.Equal(9, year.NotCovered.Count());
    }

    [Fact]
    public void A_co_financing_rule_is_checked_per_application_and_each_broken_rule_is_named()
    {
        var plan = RealisationPlanner.Realise(Seeded([new CoFinancingRule("BZK", 0.5m)]), [2022]);

        var broken = plan.Baseline.Year(2022).BrokenRules;
        Assert.Equal(["programmamanagement", "projectbegeleiding-werk-naar-werk"], broken.Select(b => b.ApplicationId));
        var manager = broken[0];
        Assert.Equal((345_000m, 100_000m, 172_500m, 122_500m), (manager.CostBasis, manager.FunderAmount, manager.RequiredOwnContribution, manager.AvailableOwnContribution));
        Assert.Equal(
            "Cofinanciering BZK (2022, aanvraag 'Programmamanager LLO'): vereist is een eigen bijdrage van 50% van € 345.000,00 = € 172.500,00, " +
            "beschikbaar is € 122.500,00 (de overige inkomsten zijn te laag).",
            manager.Message);
    }

    [Fact]
    public void A_co_financing_rule_that_the_money_meets_is_not_reported_and_a_scenario_can_break_it()
    {
        var input = Progressed([new CoFinancingRule("Gemeenten", 0.25m)]);
        var plan = RealisationPlanner.Realise(input, [2022], [new Scenario("BZK wijst af", [new FunderRejects("BZK")])]);

        Assert.Empty(plan.Baseline.Year(2022).BrokenRules);
        var broken = Assert.Single(plan.Difference("BZK wijst af", 2022).NewlyBrokenRules);
        Assert.Equal(("projectbegeleiding-school-naar-werk", "Gemeenten", 86_250m, 25_000m),
            (broken.ApplicationId, broken.Funder, broken.RequiredOwnContribution, broken.AvailableOwnContribution));
        Assert.Contains(broken.Message, plan.Difference("BZK wijst af", 2022).Summary);
    }

    [Fact]
    public void An_application_that_pays_too_much_of_its_own_lines_breaks_the_rule_whatever_else_comes_in()
    {
        var application = new FundingApplication("eu", "Europese pilot", ["ESF"], "Riverboard",
            AmountsPerYear.Of((2022, 70_000m)), 1m, FundingApplicationStatus.Submitted, fundedExpenseLineIds: ["projectleider-werk-naar-werk"]);
        var input = new PlanningInput(_seed.Budget, [.. _seed.Applications, application], _seed.Contributions, [new CoFinancingRule("ESF", 0.2m)]);

        var broken = Assert.Single(RealisationPlanner.Realise(input, [2022]).Baseline.Year(2022).BrokenRules);

        Assert.Equal((81_000m, 16_200m, 11_000m), (broken.CostBasis, broken.RequiredOwnContribution, broken.AvailableOwnContribution));
        Assert.EndsWith("(de aanvraag van € 70.000,00 dekt een te groot deel van de kosten).", broken.Message);
    }

    [Fact]
    public void Bad_planning_requests_are_refused_naming_each_field()
    {
        var error = Assert.Throws<FinanceRuleViolation>(() => RealisationPlanner.Realise(Seeded(), [2021, 2022, 2022],
        [
            new Scenario("Basis", []),
            new Scenario("X", [new ApplicationRejected("bestaat-niet"), new PartnerDoesNotContribute("Gemeente Rotterdam"), new ApplicationGranted("programmamanagement", 1.5m)]),
        ]));
        Assert.Equal(["years[0]", "years", "scenarios[0].name"], error.Violations.Select(v => v.Field));

        var scenarioError = Assert.Throws<FinanceRuleViolation>(() => RealisationPlanner.Realise(Seeded(), null,
            [new Scenario("X", [new ApplicationRejected("bestaat-niet"), new PartnerDoesNotContribute("Gemeente Rotterdam"), new ApplicationGranted("programmamanagement", 1.5m), new FunderRejects("EU")])]));
        Assert.Equal(
            [
                "Scenario 'X': de aanvraag 'bestaat-niet' bestaat niet.",
                "Scenario 'X': de partner 'Gemeente Rotterdam' heeft geen bijdrage.",
                "Scenario 'X': het toegekende deel ligt tussen 0 (niet inbegrepen) en 1 (volledig).",
                "Scenario 'X': er is geen aanvraag bij financier 'EU'.",
            ],
            scenarioError.Violations.Select(v => v.Message));
        Assert.Equal("scenarios[0].changes[2].share", scenarioError.Violations[2].Field);
    }

    [Fact]
    public void A_partial_grant_in_a_scenario_counts_its_share_rounded_to_cents_as_secured()
    {
        var plan = RealisationPlanner.Realise(Seeded(), [2024], [new Scenario("Een derde", [new ApplicationGranted("projectbegeleiding-werk-naar-werk", 1m / 3m)])]);

        var income = plan.Scenario("Een derde").Year(2024).Income.Single(i => i.Id == "projectbegeleiding-werk-naar-werk");
        Assert.Equal((16_666.67m, 0m), (income.Secured, income.Weighted));
    }
}
