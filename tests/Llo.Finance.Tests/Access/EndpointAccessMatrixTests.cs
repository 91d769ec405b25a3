using System.Text.Json;
using Llo.Finance.Tests.Infrastructure;
using Llo.Hosting;
using Llo.Hosting.Access;
using Llo.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Llo.Finance.Tests.Infrastructure.FinanceHost;

namespace Llo.Finance.Tests.Access;

/// <summary>
/// The access matrix, generated from the service's own endpoint list: every endpoint names one declared policy or is
/// explicitly anonymous (finance has no anonymous endpoint), and every endpoint refuses anonymous callers (401) and
/// wrong roles or scopes (403) and lets the right callers through. A new endpoint without a row here fails.
/// </summary>
public sealed class EndpointAccessMatrixTests(FinanceHost host) : IClassFixture<FinanceHost>
{
    private const string ApiRoot = "/api/finance/v1";

    private sealed record Case(TestToken[] Allowed, TestToken[] Refused, Func<Task<HttpRequestMessage>> Request);

    private static TestToken As(string role) => User(TestOrganisations.One, role);

    private static readonly TestToken[] BudgetReaders =
        [As(LloRoles.ProgrammeManager), As(LloRoles.MunicipalityAnalyst), Client(TestOrganisations.Two, "finance.read")];

    private static readonly TestToken[] NotBudgetReaders =
        [As(LloRoles.Worker), As(LloRoles.ProjectLeader), As(LloRoles.PartnerEditor), As(LloRoles.HrManager), Client(TestOrganisations.Two, "finance.write")];

    private static readonly TestToken[] NotApplicationKeepers =
        [As(LloRoles.MunicipalityAnalyst), As(LloRoles.ProjectLeader), As(LloRoles.Worker), Client(TestOrganisations.Two, "finance.read", "finance.write")];

    private static readonly TestToken[] NotContributionReaders =
        [As(LloRoles.Worker), As(LloRoles.ProjectLeader), As(LloRoles.HrManager), Client(TestOrganisations.Two, "finance.write")];

    private async Task<long> ContributionVersionAsync(string id) =>
        (await BodyAsync(await host.Json.GetAsync($"{ApiRoot}/contributions/{id}"))).GetProperty("version").GetInt64();

    private static Func<Task<HttpRequestMessage>> Get(string path) => () => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, ApiRoot + path));

    /// <summary>One row per endpoint: who gets through, who is refused, and a fresh request each time.</summary>
    private Dictionary<string, Case> Cases() => new()
    {
        ["BudgetService/ListBudgetYears"] = new(BudgetReaders, NotBudgetReaders, Get("/budgets")),
        ["BudgetService/GetBudgetYear"] = new(BudgetReaders, NotBudgetReaders, Get("/budgets/2023")),
        ["FundingApplicationService/ListApplications"] = new(BudgetReaders, NotBudgetReaders, Get("/applications")),
        ["FundingApplicationService/GetApplication"] = new(BudgetReaders, NotBudgetReaders, Get("/applications/programmamanagement")),
        ["BudgetReportService/GetBudgetReport"] = new(BudgetReaders, NotBudgetReaders, Get("/budgets/2023/report")),
        ["GET /api/finance/v1/budgets/{year}/report.csv"] = new(BudgetReaders, NotBudgetReaders, Get("/budgets/2023/report.csv")),
        ["GET /api/finance/v1/budgets/{year}/report.xlsx"] = new(BudgetReaders, NotBudgetReaders, Get("/budgets/2023/report.xlsx")),
        ["BudgetReportService/ListCandidateExpenseLines"] = new(BudgetReaders, NotBudgetReaders, Get("/candidateExpenseLines")),
        ["POST /api/finance/v1/budgetVersions:import"] = new([As(LloRoles.ProgrammeManager)], NotApplicationKeepers,
            async () => Imports.ImportRequests.Import(await Imports.ImportRequests.ExportAsync(host))),
        ["FundingApplicationService/CreateApplication"] = new([As(LloRoles.ProgrammeManager)], NotApplicationKeepers,
            () => Task.FromResult(ApplicationRequests.Create())),
        ["FundingApplicationService/MoveApplication"] = new([As(LloRoles.ProgrammeManager)], NotApplicationKeepers,
            async () => ApplicationRequests.Move(await ApplicationRequests.NewDraftAsync(host), 1, "FUNDING_APPLICATION_STATUS_SUBMITTED")),
        ["RateCardService/GetRateCard"] = new(BudgetReaders, NotBudgetReaders, Get("/rateCards/2022")),
        ["RateCardService/UpdateRateCardRole"] = new([As(LloRoles.ProgrammeManager)], NotApplicationKeepers, UnchangedRateCardRole),
        ["ContributionService/ListContributions"] = new([.. BudgetReaders, As(LloRoles.PartnerEditor)], NotContributionReaders, Get("/contributions?year=2022")),
        ["ContributionService/GetContribution"] = new([.. BudgetReaders, As(LloRoles.PartnerEditor)],
            [.. NotContributionReaders, User(TestOrganisations.Two, LloRoles.PartnerEditor)], Get("/contributions/gemeente-schiedam-2022")),
        ["ContributionService/CreateContribution"] = new([As(LloRoles.ProgrammeManager)], [.. NotApplicationKeepers, As(LloRoles.PartnerEditor)],
            () => Task.FromResult(ApplicationRequests.Json(HttpMethod.Post, ApiRoot + "/contributions", new
            {
                organisationId = TestOrganisations.Two, partner = "Demo-Werkgever", category = "PARTNER_CATEGORY_COMPANIES", year = 2023, committed = new { cents = "100000" },
            }))),
        ["ContributionService/UpdateContribution"] = new([As(LloRoles.ProgrammeManager)], [.. NotApplicationKeepers, As(LloRoles.PartnerEditor)],
            async () => ApplicationRequests.Json(HttpMethod.Patch, ApiRoot + "/contributions/gemeente-vlaardingen-2023",
                new { version = await ContributionVersionAsync("gemeente-vlaardingen-2023"), contribution = new { probabilityPercent = 50 }, updateMask = "probabilityPercent" })),
        ["ContributionService/ConfirmContribution"] = new([As(LloRoles.PartnerEditor)],
            [As(LloRoles.ProgrammeManager), As(LloRoles.MunicipalityAnalyst), As(LloRoles.Worker), User(TestOrganisations.Two, LloRoles.PartnerEditor), Client(TestOrganisations.One, "finance.read", "finance.write")],
            async () => ApplicationRequests.Json(HttpMethod.Post, ApiRoot + "/contributions/gemeente-schiedam-2024:confirm",
                new { version = await ContributionVersionAsync("gemeente-schiedam-2024") })),
        ["CoFinancingRuleService/ListCoFinancingRules"] = new(BudgetReaders, NotBudgetReaders, Get("/coFinancingRules")),
        ["CoFinancingRuleService/GetCoFinancingRule"] = new(BudgetReaders, NotBudgetReaders, async () => new HttpRequestMessage(HttpMethod.Get, $"{ApiRoot}/coFinancingRules/{await NewRuleAsync()}")),
        ["CoFinancingRuleService/CreateCoFinancingRule"] = new([As(LloRoles.ProgrammeManager)], NotApplicationKeepers,
            () => Task.FromResult(ApplicationRequests.Json(HttpMethod.Post, ApiRoot + "/coFinancingRules", new { funder = "IQ", requiredOwnSharePercent = 20 }))),
        ["CoFinancingRuleService/UpdateCoFinancingRule"] = new([As(LloRoles.ProgrammeManager)], NotApplicationKeepers,
            async () => ApplicationRequests.Json(HttpMethod.Patch, $"{ApiRoot}/coFinancingRules/{await NewRuleAsync()}",
                new { version = 1, rule = new { requiredOwnSharePercent = 30 }, updateMask = "requiredOwnSharePercent" })),
        ["CoFinancingRuleService/DeleteCoFinancingRule"] = new([As(LloRoles.ProgrammeManager)], NotApplicationKeepers,
            async () => new HttpRequestMessage(HttpMethod.Delete, $"{ApiRoot}/coFinancingRules/{await NewRuleAsync()}?version=1")),
        ["PlanService/RealisePlan"] = new([As(LloRoles.ProgrammeManager), As(LloRoles.MunicipalityAnalyst)],
            [As(LloRoles.Worker), As(LloRoles.ProjectLeader), As(LloRoles.PartnerEditor), Client(TestOrganisations.Two, "finance.read", "finance.write")],
            () => Task.FromResult(ApplicationRequests.Json(HttpMethod.Post, ApiRoot + "/plans:realise", new { year = 2022 }))),
    };

    private int _ruleYear = 2040;

    /// <summary>A fresh EZK rule for a year of its own (a funder has one rule per year), stored by the programme manager.</summary>
    private async Task<string> NewRuleAsync()
    {
        var year = Interlocked.Increment(ref _ruleYear);
        var rule = await BodyAsync(await host.Json.SendAsync(ApplicationRequests.Json(HttpMethod.Post, ApiRoot + "/coFinancingRules",
            new { funder = "EZK", requiredOwnSharePercent = 20, firstYear = year, lastYear = year })));
        return rule.GetProperty("id").GetString()!;
    }

    /// <summary>An update of the 2022 programme manager that changes nothing, with the version read just before.</summary>
    private async Task<HttpRequestMessage> UnchangedRateCardRole()
    {
        var card = await BodyAsync(await host.Json.GetAsync(ApiRoot + "/rateCards/2022"));
        var version = card.GetProperty("roles").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "programmamanager").GetProperty("version").GetInt64();
        return ApplicationRequests.Json(HttpMethod.Patch, ApiRoot + "/rateCards/2022/roles/programmamanager",
            new { version, role = new { name = "Programmamanager LLO" }, updateMask = "name" });
    }

    private IReadOnlyList<EndpointAccess> Endpoints() => EndpointCatalogue.Read(host.Services, "llo.finance.v1.");

    [Fact]
    public void Every_endpoint_names_exactly_one_declared_policy_and_none_is_anonymous()
    {
        var declared = host.Services.GetRequiredService<LloApi>().Policies.Select(p => p.Name).ToHashSet();
        var endpoints = Endpoints();
        Assert.True(endpoints.Count >= 6, $"Only {endpoints.Count} endpoints found: {string.Join(", ", endpoints.Select(e => e.Key))}");

        var wrong = EndpointCatalogue.WithoutOneDeclaredPolicy(endpoints, declared);
        Assert.True(wrong.Count == 0, "Each finance endpoint needs exactly one declared policy:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task Every_endpoint_refuses_anonymous_callers_and_wrong_roles_or_scopes_and_admits_the_right_callers()
    {
        var cases = Cases();
        var failures = new List<string>();
        foreach (var endpoint in Endpoints())
        {
            if (!cases.TryGetValue(endpoint.Key, out var row))
            {
                failures.Add($"{endpoint.Key}: no row in the access matrix; add who may call it and who may not.");
                continue;
            }

            var anonymous = await host.As(null).SendAsync(await row.Request());
            if (!EndpointCatalogue.IsUnauthenticated(anonymous, await EndpointCatalogue.ErrorCodeAsync(anonymous)))
            {
                failures.Add($"{endpoint.Key} anonymous: {(int)anonymous.StatusCode}, expected 401 Unauthenticated with WWW-Authenticate");
            }

            foreach (var token in row.Refused)
            {
                var refused = await host.As(token).SendAsync(await row.Request());
                if (!EndpointCatalogue.IsPermissionDenied(refused, await EndpointCatalogue.ErrorCodeAsync(refused)))
                {
                    failures.Add($"{endpoint.Key} as {Describe(token)}: {(int)refused.StatusCode}, expected 403 PermissionDenied");
                }
            }

            foreach (var token in row.Allowed)
            {
                var allowed = await host.As(token).SendAsync(await row.Request());
                if (!allowed.IsSuccessStatusCode)
                {
                    failures.Add($"{endpoint.Key} as {Describe(token)}: {(int)allowed.StatusCode} {await allowed.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string Describe(TestToken token) =>
        token.Roles.Count > 0 ? string.Join('+', token.Roles) : "client " + string.Join('+', token.Scopes);
}
