using System.Net;
using System.Net.Http.Json;
using Grpc.Core;
using Llo.Contracts.Inventory.V1;
using Llo.Hosting.Access;
using Llo.Inventory.Tests.Infrastructure;
using Llo.Testing;

namespace Llo.Inventory.Tests.Projects;

/// <summary>
/// A registration carrying a request id is done once, however often the client retries it: the retry of a writer
/// whose answer was lost (a timeout, a 502) gets the first project back instead of registering a twin.
/// </summary>
public sealed class RegistrationRetryTests(InventoryHost host) : IClassFixture<InventoryHost>
{
    private readonly ProjectService.ProjectServiceClient _client = new(host.Grpc);

    private static CreateProjectRequest Request(string title, string requestId) =>
        new() { Project = Drafts.Valid(title), RequestId = requestId };

    private Task<long> ProjectsTitledAsync(string title) =>
        host.CountAsync($"SELECT count(*) FROM projects WHERE title = '{title}'");

    [Fact]
    public async Task A_retried_registration_returns_the_first_project_and_stores_and_announces_it_once()
    {
        var requestId = Guid.NewGuid().ToString();
        var first = (await _client.CreateProjectAsync(Request("Herhaalde registratie", requestId))).Project;

        var retried = (await _client.CreateProjectAsync(Request("Herhaalde registratie", requestId))).Project;

        Assert.Equal(first, retried);
        Assert.Equal(1, await ProjectsTitledAsync("Herhaalde registratie"));
        Assert.Equal(1, await host.CountAsync(
            $"SELECT count(*) FROM messaging_outbox WHERE type = 'inventory.project-registered' AND aggregate_id = '{first.Id}'"));
    }

    [Fact]
    public async Task Without_a_request_id_every_call_registers_a_project_as_before()
    {
        await _client.CreateProjectAsync(new CreateProjectRequest { Project = Drafts.Valid("Zonder verzoek-id") });
        await _client.CreateProjectAsync(new CreateProjectRequest { Project = Drafts.Valid("Zonder verzoek-id") });

        Assert.Equal(2, await ProjectsTitledAsync("Zonder verzoek-id"));
    }

    [Fact]
    public async Task Concurrent_attempts_with_one_request_id_register_one_project_and_all_get_it()
    {
        var requestId = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(_ => _client.CreateProjectAsync(Request("Gelijktijdige registratie", requestId)).ResponseAsync));

        Assert.Single(answers.Select(a => a.Project.Id).Distinct());
        Assert.Equal(1, await ProjectsTitledAsync("Gelijktijdige registratie"));
    }

    [Fact]
    public async Task A_request_id_reused_for_a_different_registration_is_refused_naming_the_field_and_stores_nothing()
    {
        var requestId = Guid.NewGuid().ToString();
        await _client.CreateProjectAsync(Request("Eerste met dit id", requestId));

        var refused = await Assert.ThrowsAsync<RpcException>(() => _client.CreateProjectAsync(Request("Tweede met hetzelfde id", requestId)).ResponseAsync);

        Assert.Equal(["requestId"], Assertions.FieldViolations(refused));
        Assert.Equal(0, await ProjectsTitledAsync("Tweede met hetzelfde id"));
    }

    [Fact]
    public async Task Another_caller_cannot_read_a_project_back_through_someone_elses_request_id()
    {
        var requestId = Guid.NewGuid().ToString();
        await _client.CreateProjectAsync(Request("Van een ander", requestId));
        var stranger = new ProjectService.ProjectServiceClient(
            host.GrpcAs(InventoryHost.User(TestOrganisations.Two, LloRoles.PartnerEditor)));

        var refused = await Assert.ThrowsAsync<RpcException>(() => stranger.CreateProjectAsync(Request("Van een ander", requestId)).ResponseAsync);

        Assert.Equal(["requestId"], Assertions.FieldViolations(refused));
        Assert.Equal(1, await ProjectsTitledAsync("Van een ander"));
    }

    [Fact]
    public async Task As_json_the_request_id_is_a_query_parameter_and_a_malformed_one_gets_400_naming_it()
    {
        var requestId = Guid.NewGuid();
        var draft = new { title = "Registratie als JSON met id", status = "PROJECT_STATUS_IDEA", campus = "Leerwerkplaats Techniek" };

        var first = await host.Json.PostAsJsonAsync($"/api/inventory/v1/projects?requestId={requestId}", draft);
        var retried = await host.Json.PostAsJsonAsync($"/api/inventory/v1/projects?requestId={requestId}", draft);
        var malformed = await host.Json.PostAsJsonAsync("/api/inventory/v1/projects?requestId=morgen", draft);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(
            (await first.JsonAsync()).GetProperty("project").GetProperty("id").GetString(),
            (await retried.JsonAsync()).GetProperty("project").GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(["requestId"], await ApiErrors.JsonFieldsAsync(malformed));
        Assert.Equal(1, await ProjectsTitledAsync("Registratie als JSON met id"));
    }
}
