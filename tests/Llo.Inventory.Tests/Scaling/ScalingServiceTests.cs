using System.Net;
using System.Net.Http.Json;
using Grpc.Core;
using Llo.Contracts.Inventory.V1;
using Llo.Inventory.Tests.Infrastructure;

namespace Llo.Inventory.Tests.Scaling;

public sealed class ScalingServiceTests(InventoryHost host) : IClassFixture<InventoryHost>
{
    private static object Assessment(params string[] municipalities) => new
    {
        results = "120 leerlingen geplaatst, 80% nog in dienst na een jaar",
        costs = "25000.50",
        conditions = "Een leerwerkplaats en een coach per gemeente",
        municipalities = municipalities.Length == 0 ? ["Schiedam", "vlaardingen"] : municipalities,
        proposedBy = "Albeda",
    };

    private static string Path(Guid projectId) => $"/api/inventory/v1/projects/{projectId}/scalingProposals";

    private async Task<string> ProposeAsync(Guid projectId)
    {
        var created = await (await host.Json.PostAsJsonAsync(Path(projectId), Assessment())).JsonAsync();
        return created.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task A_pilot_is_proposed_with_its_assessment_and_listed_and_read_back()
    {
        var projectId = await ProjectRows.InsertAsync(host.Database, "Techniekpilot Schiedam");

        var created = await (await host.Json.PostAsJsonAsync(Path(projectId), Assessment())).JsonAsync();

        var id = created.GetProperty("id").GetString()!;
        Assert.Equal("25000.50", created.GetProperty("assessment").GetProperty("costs").GetString());
        Assert.Equal(["Schiedam", "Vlaardingen"], created.GetProperty("assessment").GetProperty("municipalities").EnumerateArray().Select(m => m.GetString()));
        var listed = await (await host.Json.GetAsync(Path(projectId))).JsonAsync();
        Assert.Equal([id], listed.GetProperty("proposals").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        var read = await (await host.Json.GetAsync($"{Path(projectId)}/{id}")).JsonAsync();
        Assert.Equal("Albeda", read.GetProperty("assessment").GetProperty("proposedBy").GetString());
    }

    [Fact]
    public async Task A_proposal_with_bad_fields_is_refused_naming_each_field_and_nothing_is_stored()
    {
        var projectId = await ProjectRows.InsertAsync(host.Database, "Pilot met slechte invoer");

        var response = await host.Json.PostAsJsonAsync(Path(projectId),
            new { results = "", costs = "-5", conditions = " ", municipalities = new[] { "Rotterdam" }, proposedBy = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = await ApiErrors.JsonFieldsAsync(response);
        Assert.Equal(
            ["assessment.results", "assessment.conditions", "assessment.proposedBy", "assessment.costs", "assessment.municipalities[0]"],
            fields);
        Assert.Equal(0, await ProjectRows.CountAsync(host.Database, "SELECT count(*) FROM scaling_proposals WHERE project_id = @p", ("p", projectId)));
    }

    [Fact]
    public async Task Only_a_pilot_can_be_proposed_for_scaling()
    {
        var running = await ProjectRows.InsertAsync(host.Database, "Lopend project", status: "Running");

        var response = await host.Json.PostAsJsonAsync(Path(running), Assessment());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Alleen een pilot", await response.Content.ReadAsStringAsync());
        var client = new ScalingService.ScalingServiceClient(host.Grpc);
        var ex = await Assert.ThrowsAsync<RpcException>(() => client.ProposeScalingAsync(new ProposeScalingRequest
        {
            ProjectId = running.ToString(),
            Assessment = new TransferabilityAssessment { Results = "r", Costs = "1.00", Conditions = "c", Municipalities = { "Maassluis" }, ProposedBy = "Gemeente Maassluis" },
        }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
    }

    [Fact]
    public async Task Unknown_projects_and_proposals_are_not_found()
    {
        var projectId = await ProjectRows.InsertAsync(host.Database, "Pilot zonder voorstellen");

        Assert.Equal(HttpStatusCode.NotFound, (await host.Json.PostAsJsonAsync(Path(Guid.NewGuid()), Assessment())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Json.GetAsync(Path(Guid.NewGuid()))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Json.GetAsync($"{Path(projectId)}/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Json.PostAsJsonAsync($"{Path(projectId)}/{Guid.NewGuid()}:decide",
            new { decision = "SCALING_DECISION_APPROVED", decidedOn = "2022-06-01" })).StatusCode);
    }

    [Fact]
    public async Task Approval_makes_the_project_scaled_bumps_its_version_and_publishes_the_events()
    {
        var projectId = await ProjectRows.InsertAsync(host.Database, "Gaan voor een baan pilot");
        var (_, versionBefore) = await ProjectRows.StatusAsync(host.Database, projectId);
        var id = await ProposeAsync(projectId);

        var decided = await (await host.Json.PostAsJsonAsync($"{Path(projectId)}/{id}:decide",
            new { decision = "SCALING_DECISION_APPROVED", decidedOn = "2022-06-01" })).JsonAsync();

        Assert.Equal("SCALING_DECISION_APPROVED", decided.GetProperty("decision").GetString());
        Assert.Equal("2022-06-01", decided.GetProperty("decidedOn").GetString());
        var (status, version) = await ProjectRows.StatusAsync(host.Database, projectId);
        Assert.Equal("Scaled", status);
        Assert.Equal(versionBefore + 1, version);
        Assert.Contains(await ProjectRows.OutboxAsync(host.Database, "inventory.scaling-decided"),
            p => p.Contains(projectId.ToString()) && p.Contains("Approved") && p.Contains("2022-06-01"));
        Assert.Contains(await ProjectRows.OutboxAsync(host.Database, "inventory.project-status-changed"),
            p => p.Contains(projectId.ToString()) && p.Contains("Pilot") && p.Contains("Scaled"));
    }

    [Fact]
    public async Task Approval_is_refused_when_the_project_stopped_in_the_meantime_and_nothing_changes()
    {
        var projectId = await ProjectRows.InsertAsync(host.Database, "Pilot die intussen stopte");
        var id = await ProposeAsync(projectId);
        await using (var stop = host.Database.DataSource.CreateCommand($"UPDATE projects SET status = 'Stopped' WHERE id = '{projectId}'"))
        {
            await stop.ExecuteNonQueryAsync();
        }

        var response = await host.Json.PostAsJsonAsync($"{Path(projectId)}/{id}:decide",
            new { decision = "SCALING_DECISION_APPROVED", decidedOn = "2022-06-01" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("gestopt", await response.Content.ReadAsStringAsync());
        Assert.Equal(("Stopped", 1L), await ProjectRows.StatusAsync(host.Database, projectId));
        Assert.DoesNotContain(await ProjectRows.OutboxAsync(host.Database, "inventory.scaling-decided"), p => p.Contains(id));
    }

    [Fact]
    public async Task A_decided_proposal_cannot_be_decided_again()
    {
        var projectId = await ProjectRows.InsertAsync(host.Database, "Pilot die wordt afgewezen");
        var id = await ProposeAsync(projectId);
        var decide = $"{Path(projectId)}/{id}:decide";
        await (await host.Json.PostAsJsonAsync(decide, new { decision = "SCALING_DECISION_DECLINED", decidedOn = "2022-06-01", reason = "Te duur" })).JsonAsync();

        var again = await host.Json.PostAsJsonAsync(decide, new { decision = "SCALING_DECISION_APPROVED", decidedOn = "2022-06-02" });

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode); // the proposal's state forbids it: FailedPrecondition
        Assert.Equal("Pilot", (await ProjectRows.StatusAsync(host.Database, projectId)).Status);
        Assert.Single(await ProjectRows.OutboxAsync(host.Database, "inventory.scaling-decided"), p => p.Contains(id));
    }

    [Fact]
    public async Task Two_simultaneous_decisions_on_one_proposal_leave_exactly_one_decision()
    {
        var projectId = await ProjectRows.InsertAsync(host.Database, "Pilot met twee besluiten tegelijk");
        var id = await ProposeAsync(projectId);
        var decide = $"{Path(projectId)}/{id}:decide";

        var answers = await Task.WhenAll(
            host.Json.PostAsJsonAsync(decide, new { decision = "SCALING_DECISION_APPROVED", decidedOn = "2022-06-01" }),
            host.Json.PostAsJsonAsync(decide, new { decision = "SCALING_DECISION_DECLINED", decidedOn = "2022-06-01", reason = "Nee" }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.BadRequest], answers.Select(a => a.StatusCode).Order());
        Assert.Single(await ProjectRows.OutboxAsync(host.Database, "inventory.scaling-decided"), p => p.Contains(id));
    }

    [Fact]
    public async Task Declining_or_deferring_needs_a_reason_and_a_valid_date()
    {
        var projectId = await ProjectRows.InsertAsync(host.Database, "Pilot zonder reden");
        var id = await ProposeAsync(projectId);

        var response = await host.Json.PostAsJsonAsync($"{Path(projectId)}/{id}:decide",
            new { decision = "SCALING_DECISION_DEFERRED", decidedOn = "2099-01-01" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["decidedOn", "reason"], await ApiErrors.JsonFieldsAsync(response));
        var read = await (await host.Json.GetAsync($"{Path(projectId)}/{id}")).JsonAsync();
        Assert.False(read.TryGetProperty("decision", out var decision) && decision.GetString() != "SCALING_DECISION_UNSPECIFIED");
    }

    [Fact]
    public async Task After_a_deferral_the_pilot_can_be_proposed_again_but_never_twice_at_once()
    {
        var projectId = await ProjectRows.InsertAsync(host.Database, "Pilot die wordt aangehouden");
        var first = await ProposeAsync(projectId);

        var twice = await host.Json.PostAsJsonAsync(Path(projectId), Assessment());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        await (await host.Json.PostAsJsonAsync($"{Path(projectId)}/{first}:decide",
            new { decision = "SCALING_DECISION_DEFERRED", decidedOn = "2022-06-01", reason = "Eerst de evaluatie" })).JsonAsync();
        var second = await ProposeAsync(projectId);

        Assert.NotEqual(first, second);
        Assert.Equal("Pilot", (await ProjectRows.StatusAsync(host.Database, projectId)).Status);
    }

    [Fact]
    public async Task A_gRPC_caller_gets_the_same_field_violations()
    {
        var projectId = await ProjectRows.InsertAsync(host.Database, "Pilot via gRPC");
        var client = new ScalingService.ScalingServiceClient(host.Grpc);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.ProposeScalingAsync(new ProposeScalingRequest
        {
            ProjectId = projectId.ToString(),
            Assessment = new TransferabilityAssessment { Results = "r", Costs = "12.345", Conditions = "c", ProposedBy = "p" },
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(["assessment.costs", "assessment.municipalities"], ApiErrors.GrpcFields(ex));
    }
}
