using Llo.Finance.Domain.Applications;
using Llo.Finance.Domain.Budgets;
using Llo.Finance.Domain.Seed;

namespace Llo.Finance.Domain.Tests.Applications;

public sealed class FundingApplicationTests
{
    private static FundingApplication Draft(decimal probability = 0.6m) => new(
        "wnw",
        "Projectleider Werk naar Werk",
        ["BZK", "EZK", "IQ"],
        null,
        AmountsPerYear.Of((2022, 100_000m), (2023, 100_000m), (2024, 50_000m)),
        probability,
        deadlines: [new Deadline("indienen uiterlijk", new DateOnly(2022, 4, 1))]);

    [Fact]
    public void An_application_goes_from_draft_to_submitted_to_granted_in_full()
    {
        var granted = Draft().Submit().GrantInFull();

        Assert.Equal(FundingApplicationStatus.GrantedInFull, granted.Status);
        Assert.Equal(100_000m, granted.SecuredIn(2022));
        Assert.Equal(0m, granted.WeightedIn(2022));
    }

    [Fact]
    public void A_partial_grant_keeps_the_granted_amounts_and_may_still_become_full()
    {
        var part = Draft().Submit().GrantInPart(AmountsPerYear.Of((2022, 60_000m), (2023, 60_000m)));

        Assert.Equal(FundingApplicationStatus.GrantedInPart, part.Status);
        Assert.Equal((60_000m, 0m), (part.SecuredIn(2023), part.SecuredIn(2024)));
        Assert.Equal(50_000m, part.GrantInFull().SecuredIn(2024));
    }

    [Theory]
    [InlineData(FundingApplicationStatus.Draft, FundingApplicationStatus.GrantedInFull,
        "Aanvraag 'Projectleider Werk naar Werk': De stap van 'concept' naar 'volledig toegekend' is niet toegestaan: mogelijk is: 'ingediend', 'ingetrokken'.")]
    [InlineData(FundingApplicationStatus.Submitted, FundingApplicationStatus.Draft,
        "Aanvraag 'Projectleider Werk naar Werk': De stap van 'ingediend' naar 'concept' is niet toegestaan: mogelijk is: 'volledig toegekend', 'gedeeltelijk toegekend', 'afgewezen', 'ingetrokken'.")]
    [InlineData(FundingApplicationStatus.Rejected, FundingApplicationStatus.Submitted,
        "Aanvraag 'Projectleider Werk naar Werk': De stap van 'afgewezen' naar 'ingediend' is niet toegestaan: een afgewezen aanvraag verandert niet meer van status; dien zo nodig een nieuwe aanvraag in.")]
    [InlineData(FundingApplicationStatus.GrantedInFull, FundingApplicationStatus.Rejected,
        "Aanvraag 'Projectleider Werk naar Werk': De stap van 'volledig toegekend' naar 'afgewezen' is niet toegestaan: mogelijk is: 'ingetrokken'.")]
    public void A_step_the_workflow_does_not_allow_is_refused_in_Dutch_naming_the_step(
        FundingApplicationStatus from, FundingApplicationStatus to, string message)
    {
        var application = from switch
        {
            FundingApplicationStatus.Draft => Draft(),
            FundingApplicationStatus.Submitted => Draft().Submit(),
            FundingApplicationStatus.Rejected => Draft().Submit().Reject(),
            _ => Draft().Submit().GrantInFull(),
        };

        var error = Assert.Throws<FinanceRuleViolation>(() => application.Move(to));

        Assert.Equal(message, error.Message);
        Assert.Equal("status", error.Violations.Single().Field);
        Assert.True(error.IsStateConflict);
    }

    [Fact]
    public void Every_allowed_step_is_accepted_and_the_final_statuses_allow_none()
    {
        foreach (var from in Enum.GetValues<FundingApplicationStatus>())
        {
            foreach (var to in Enum.GetValues<FundingApplicationStatus>())
            {
                Assert.Equal(ApplicationWorkflow.From(from).Contains(to), ApplicationWorkflow.CanMove(from, to));
            }
        }

        Assert.Empty(ApplicationWorkflow.From(FundingApplicationStatus.Rejected));
        Assert.Empty(ApplicationWorkflow.From(FundingApplicationStatus.Withdrawn));
        Assert.False(ApplicationWorkflow.CanMove(FundingApplicationStatus.Submitted, FundingApplicationStatus.Submitted));
    }

    [Fact]
    public void A_partial_grant_above_the_request_or_equal_to_all_of_it_is_refused()
    {
        var submitted = Draft().Submit();

        var above = Assert.Throws<FinanceRuleViolation>(() => submitted.GrantInPart(AmountsPerYear.Of((2024, 60_000m))));
        Assert.Equal("granted[2024]", above.Violations.Single().Field);
        Assert.Contains("meer dan de gevraagde € 50.000,00", above.Message);

        var all = Assert.Throws<FinanceRuleViolation>(() => submitted.GrantInPart(submitted.Requested));
        Assert.Contains("kies 'volledig toegekend'", all.Message);
        Assert.Throws<FinanceRuleViolation>(() => submitted.Move(FundingApplicationStatus.GrantedInPart));
    }

    [Fact]
    public void While_undecided_the_forecast_is_the_request_weighted_by_the_probability_rounded_to_cents()
    {
        var application = new FundingApplication("x", "X", ["BZK"], "St. Aanzet", AmountsPerYear.Of((2022, 33_333.33m)), 1m / 3m);

        Assert.Equal(11_111.11m, application.WeightedIn(2022));
        Assert.Equal(0m, application.SecuredIn(2022));
        Assert.Equal(33_333.33m, application.AmountIn(2022));
        Assert.Equal(0m, application.Withdraw().WeightedIn(2022));
        Assert.Equal(0m, application.Withdraw().AmountIn(2022));
    }

    [Fact]
    public void Bad_amounts_probabilities_and_missing_funders_are_refused_with_their_fields()
    {
        var error = Assert.Throws<FinanceRuleViolation>(() =>
            new FundingApplication("x", "X", [], null, AmountsPerYear.Of((2022, -5m), (2023, 0.001m)), 1.2m));

        Assert.Equal(["funders", "requested[2022]", "requested[2023]", "probability"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public void Changing_the_forecast_keeps_status_and_grant_and_is_checked()
    {
        var part = Draft().Submit().GrantInPart(AmountsPerYear.Of((2022, 60_000m)));

        var changed = part.WithDetails(probability: 0.9m, notes: "Bezwaar ingediend voor de rest.");

        Assert.Equal((FundingApplicationStatus.GrantedInPart, 60_000m, 0.9m), (changed.Status, changed.SecuredIn(2022), changed.Probability));
        Assert.Equal("Bezwaar ingediend voor de rest.", changed.Notes);
        Assert.Equal("probability", Assert.Throws<FinanceRuleViolation>(() => part.WithDetails(probability: -0.1m)).Violations.Single().Field);
    }

    [Fact]
    public void A_deadline_passed_while_still_a_draft_is_reported()
    {
        Assert.Single(Draft().MissedDeadlines(new DateOnly(2022, 4, 2)));
        Assert.Empty(Draft().MissedDeadlines(new DateOnly(2022, 4, 1)));
        Assert.Empty(Draft().Submit().MissedDeadlines(new DateOnly(2022, 5, 1)));
    }

    [Fact]
    public void The_plans_three_applications_are_seeded_with_funders_amounts_and_lead_applicant()
    {
        var seed = PlanSeed.Load();

        Assert.Equal(
            ["programmamanagement", "projectbegeleiding-school-naar-werk", "projectbegeleiding-werk-naar-werk"],
            seed.Applications.Select(a => a.Id));
        var schoolToWork = seed.Applications[1];
        Assert.Equal("St. Aanzet", schoolToWork.LeadApplicant);
        Assert.Equal(FundingApplicationStatus.Submitted, schoolToWork.Status);
        Assert.Equal(["Rijnmonds LWA", "BZK"], seed.Applications[0].Funders);
        Assert.True(seed.Applications[2].IsFundedBy("bzk"));
        foreach (var application in seed.Applications)
        {
            Assert.Equal(seed.Budget.IncomeLine(application.IncomeLineId!).Amounts.Total, application.Requested.Total);
        }
    }
}
