using System.Net;
using System.Text.Json;
using Llo.Finance.Tests.Infrastructure;
using Llo.Hosting.Access;
using Llo.Testing;
using V1 = Llo.Contracts.Finance.V1;
using static Llo.Finance.Tests.Infrastructure.ApplicationRequests;
using static Llo.Finance.Tests.Infrastructure.FinanceHost;

namespace Llo.Finance.Tests.CoFinancing;

/// <summary>
/// /api/finance/v1/coFinancingRules: the programme manager keeps a rule per funder (with optimistic versions and one
/// demand per funder and year), and plans:realise checks the stored rules by default. The plan names no rules, so the
/// seed holds none. The planner test uses BZK, the other tests "Gemeenten" and "EZK", so their rules never meet.
/// </summary>
public sealed class CoFinancingRuleApiTests(FinanceHost host) : IClassFixture<FinanceHost>
{
    private const string Rules = "/api/finance/v1/coFinancingRules";

    private static IEnumerable<string> Fields(JsonElement error) =>
        error.GetProperty("details").EnumerateArray()
            .SelectMany(d => d.TryGetProperty("fieldViolations", out var v) ? v.EnumerateArray() : default(JsonElement.ArrayEnumerator))
            .Select(v => v.GetProperty("field").GetString()!);

    private Task<HttpResponseMessage> CreateAsync(object rule) => host.Json.SendAsync(Json(HttpMethod.Post, Rules, rule));

    private async Task<int> CountAsync(string funder) =>
        (await BodyAsync(await host.Json.GetAsync($"{Rules}?funder={Uri.EscapeDataString(funder)}"))).TryGetProperty("rules", out var rules) ? rules.GetArrayLength() : 0;

    private static IEnumerable<JsonElement> Broken(JsonElement outcome, string funder) =>
        outcome.TryGetProperty("brokenRules", out var broken) ? broken.EnumerateArray().Where(r => r.GetProperty("funder").GetString() == funder) : [];

    [Fact]
    public async Task The_demo_seed_holds_no_rules_because_the_plan_names_none()
    {
        var all = await BodyAsync(await host.As(User(TestOrganisations.Two, LloRoles.MunicipalityAnalyst)).GetAsync(Rules));

        // The other tests of this class store rules for BZK and Gemeenten only, and remove them again.
        Assert.Equal(0, await CountAsync("Rijnmonds LWA") + await CountAsync("IQ") + await CountAsync("EZK"));
        Assert.Equal(JsonValueKind.Object, all.ValueKind);
    }

    [Fact]
    public async Task A_stored_rule_is_checked_by_plans_realise_by_default_and_a_request_or_a_scenario_can_override_it()
    {
        var rule = await BodyAsync(await CreateAsync(new { funder = "bzk", requiredOwnSharePercent = 50, firstYear = 2022, source = "Regeling (voorbeeld)" }));
        var id = rule.GetProperty("id").GetString()!;

        var plan = await BodyAsync(await host.Json.SendAsync(Json(HttpMethod.Post, "/api/finance/v1/plans:realise", new
        {
            year = 2022,
            scenarios = new object[]
            {
                new { name = "BZK vraagt niets", changes = new[] { new { coFinancingRuleChanged = new { funder = "BZK", requiredOwnSharePercent = 0 } } } },
            },
        })));
        var overridden = await BodyAsync(await host.Json.SendAsync(Json(HttpMethod.Post, "/api/finance/v1/plans:realise", new
        {
            year = 2022, coFinancingRules = new[] { new { funder = "BZK", requiredOwnSharePercent = 10 } },
        })));
        await BodyAsync(await host.Json.DeleteAsync($"{Rules}/{id}?version=1"));
        var without = await BodyAsync(await host.Json.SendAsync(Json(HttpMethod.Post, "/api/finance/v1/plans:realise", new { year = 2022 })));

        // The funder is stored as the applications name it.
        Assert.Equal("BZK", rule.GetProperty("fields").GetProperty("funder").GetString());
        var broken = Broken(plan.GetProperty("baseline"), "BZK").ToList();
        Assert.Equal(["programmamanagement", "projectbegeleiding-werk-naar-werk"], broken.Select(r => r.GetProperty("applicationId").GetString()).Order());
        Assert.All(broken, r => Assert.Equal(id, r.GetProperty("ruleId").GetString()));
        Assert.All(broken, r => Assert.StartsWith("Cofinanciering BZK (2022", r.GetProperty("message").GetString()));
        Assert.Equal(50, broken[0].GetProperty("requiredOwnSharePercent").GetInt32());
        Assert.Empty(Broken(plan.GetProperty("scenarios")[0].GetProperty("outcome"), "BZK"));
        Assert.Empty(Broken(overridden.GetProperty("baseline"), "BZK"));
        Assert.Empty(Broken(without.GetProperty("baseline"), "BZK"));
    }

    [Fact]
    public async Task The_programme_manager_changes_a_rule_with_the_version_read_and_a_funder_has_one_rule_per_year()
    {
        var created = await BodyAsync(await CreateAsync(new { funder = "Gemeenten", requiredOwnSharePercent = 25, firstYear = 2023 }));
        var id = created.GetProperty("id").GetString()!;
        var changed = await BodyAsync(await host.Json.SendAsync(Json(HttpMethod.Patch, $"{Rules}/{id}", new
        {
            version = 1, rule = new { requiredOwnSharePercent = 30 }, updateMask = "requiredOwnSharePercent",
        })));
        var stale = await BodyAsync(await host.Json.SendAsync(Json(HttpMethod.Patch, $"{Rules}/{id}", new
        {
            version = 1, rule = new { requiredOwnSharePercent = 40 }, updateMask = "requiredOwnSharePercent",
        })), HttpStatusCode.Conflict);
        var overlapping = await BodyAsync(await CreateAsync(new { funder = "gemeenten", requiredOwnSharePercent = 20, firstYear = 2024, lastYear = 2024 }), HttpStatusCode.Conflict);
        var earlier = await BodyAsync(await CreateAsync(new { funder = "Gemeenten", requiredOwnSharePercent = 20, lastYear = 2022 }));
        var got = await BodyAsync(await host.Json.GetAsync($"{Rules}/{id}"));

        Assert.Equal(30, changed.GetProperty("fields").GetProperty("requiredOwnSharePercent").GetInt32());
        Assert.Equal(2, changed.GetProperty("version").GetInt64());
        Assert.Contains("intussen gewijzigd", stale.GetRawText());
        Assert.Contains("heeft al een cofinancieringsregel voor 2023 en later", overlapping.GetRawText());
        Assert.Equal(2022, earlier.GetProperty("fields").GetProperty("lastYear").GetInt32());
        Assert.Equal(changed.GetRawText(), got.GetRawText());
        Assert.Equal(2, await CountAsync("GEMEENTEN"));

        await BodyAsync(await host.Json.DeleteAsync($"{Rules}/{earlier.GetProperty("id").GetString()}"));
        Assert.Equal(HttpStatusCode.Conflict, (await host.Json.DeleteAsync($"{Rules}/{id}?version=1")).StatusCode);
        await BodyAsync(await host.Json.DeleteAsync($"{Rules}/{id}?version=2"));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Json.GetAsync($"{Rules}/{id}")).StatusCode);
    }

    [Fact]
    public async Task Bad_rules_are_400_naming_every_field_in_Dutch_and_store_nothing()
    {
        var error = await BodyAsync(await CreateAsync(new { funder = "Onbekend fonds", requiredOwnSharePercent = 150, firstYear = 1999, lastYear = 2023 }), HttpStatusCode.BadRequest);
        var backwards = await BodyAsync(await CreateAsync(new { funder = "EZK", requiredOwnSharePercent = 0, firstYear = 2024, lastYear = 2023 }), HttpStatusCode.BadRequest);
        var badId = await BodyAsync(await host.Json.GetAsync($"{Rules}/geen-guid"), HttpStatusCode.BadRequest);
        var unknown = await host.Json.SendAsync(Json(HttpMethod.Patch, $"{Rules}/{Guid.NewGuid()}", new { version = 1, rule = new { requiredOwnSharePercent = 20 } }));
        var noVersion = await BodyAsync(await host.Json.SendAsync(Json(HttpMethod.Patch, $"{Rules}/{Guid.NewGuid()}", new { rule = new { requiredOwnSharePercent = 20 } })), HttpStatusCode.BadRequest);
        var badScenario = await BodyAsync(await host.Json.SendAsync(Json(HttpMethod.Post, "/api/finance/v1/plans:realise", new
        {
            year = 2022,
            scenarios = new object[] { new { name = "Te veel", changes = new[] { new { coFinancingRuleChanged = new { funder = "EZK", requiredOwnSharePercent = 100 } } } } },
        })), HttpStatusCode.BadRequest);

        Assert.Equal(["rule.firstYear", "rule.funder", "rule.requiredOwnSharePercent"], Fields(error).Order());
        Assert.Contains("Er is geen aanvraag bij financier 'Onbekend fonds'", error.GetRawText());
        Assert.Equal(["rule.lastYear", "rule.requiredOwnSharePercent"], Fields(backwards).Order());
        Assert.Equal(["id"], Fields(badId));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(["version"], Fields(noVersion));
        Assert.Equal(["scenarios[0].changes[0].coFinancingRuleChanged.requiredOwnSharePercent"], Fields(badScenario));
        Assert.Equal(0, await CountAsync("Onbekend fonds"));
        Assert.Equal(0, await CountAsync("EZK"));
    }

    [Fact]
    public async Task Analysts_and_partner_systems_read_the_rules_and_only_the_programme_manager_changes_them()
    {
        var analyst = host.As(User(TestOrganisations.Two, LloRoles.MunicipalityAnalyst));
        var partner = host.As(User(TestOrganisations.Two, LloRoles.PartnerEditor));
        var system = host.As(Client(TestOrganisations.Two, "finance.read"));

        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync(Rules)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await system.GetAsync(Rules)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync(Rules)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.SendAsync(Json(HttpMethod.Post, Rules, new { funder = "EZK", requiredOwnSharePercent = 20 }))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.As(null).GetAsync(Rules)).StatusCode);
        Assert.Equal(0, await CountAsync("EZK"));
    }

    [Fact]
    public async Task Over_native_grpc_the_programme_manager_keeps_a_rule_and_a_partner_system_with_finance_read_reads_it()
    {
        var manager = new V1.CoFinancingRuleService.CoFinancingRuleServiceClient(host.Grpc);
        var system = new V1.CoFinancingRuleService.CoFinancingRuleServiceClient(host.GrpcAs(Client(TestOrganisations.Two, "finance.read")));

        var created = await manager.CreateCoFinancingRuleAsync(new V1.CreateCoFinancingRuleRequest
        {
            Rule = new V1.CoFinancingRuleFields { Funder = "Rijnmonds LWA", RequiredOwnSharePercent = 40, FirstYear = 2030, LastYear = 2030 },
        });
        try
        {
            var read = await system.GetCoFinancingRuleAsync(new V1.GetCoFinancingRuleRequest { Id = created.Id });
            var bad = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => manager.UpdateCoFinancingRuleAsync(new V1.UpdateCoFinancingRuleRequest
            {
                Id = created.Id, Version = 1, Rule = new V1.CoFinancingRuleFields { RequiredOwnSharePercent = -5 },
                UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "required_own_share_percent" } },
            }).ResponseAsync);
            var denied = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => system.DeleteCoFinancingRuleAsync(new V1.DeleteCoFinancingRuleRequest { Id = created.Id }).ResponseAsync);

            Assert.Equal((1L, "Rijnmonds LWA", 40), (read.Version, read.Fields.Funder, read.Fields.RequiredOwnSharePercent));
            Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, bad.StatusCode);
            Assert.Equal(Grpc.Core.StatusCode.PermissionDenied, denied.StatusCode);
            Assert.Equal(40, (await manager.GetCoFinancingRuleAsync(new V1.GetCoFinancingRuleRequest { Id = created.Id })).Fields.RequiredOwnSharePercent);
        }
        finally
        {
            await manager.DeleteCoFinancingRuleAsync(new V1.DeleteCoFinancingRuleRequest { Id = created.Id });
        }
    }
}
