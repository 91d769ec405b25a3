using Grpc.Core;
using Llo.Contracts.Inventory.V1;
using Llo.Inventory.Tests.Infrastructure;

namespace Llo.Inventory.Tests.Events;

/// <summary>Events are written to the outbox in the same transaction as the change, and never for a refused write.</summary>
public sealed class OutboxTests(InventoryHost host) : IClassFixture<InventoryHost>
{
    private readonly ProjectService.ProjectServiceClient _client = new(host.Grpc);

    private Task<long> EventsAsync(string type, string projectId) =>
        host.CountAsync($"SELECT count(*) FROM messaging_outbox WHERE type = '{type}' AND payload ->> 'projectId' = '{projectId}'");

    [Fact]
    public async Task Registering_a_project_leaves_exactly_one_project_registered_event()
    {
        var project = (await _client.CreateProjectAsync(new CreateProjectRequest { Project = Drafts.Valid() })).Project;

        Assert.Equal(1, await EventsAsync("inventory.project-registered", project.Id));
        Assert.Equal(1, await host.CountAsync($"SELECT count(*) FROM messaging_outbox WHERE payload ->> 'projectId' = '{project.Id}'"));
    }

    [Fact]
    public async Task A_refused_registration_leaves_no_event()
    {
        var before = await host.CountAsync("SELECT count(*) FROM messaging_outbox");
        var draft = Drafts.Valid();
        draft.Title = "";

        await Assert.ThrowsAsync<RpcException>(() => _client.CreateProjectAsync(new CreateProjectRequest { Project = draft }).ResponseAsync);

        Assert.Equal(before, await host.CountAsync("SELECT count(*) FROM messaging_outbox"));
    }

    [Fact]
    public async Task A_status_change_publishes_project_updated_and_project_status_changed_and_a_stale_write_publishes_nothing()
    {
        var project = (await _client.CreateProjectAsync(new CreateProjectRequest { Project = Drafts.Valid() })).Project;

        await _client.UpdateProjectAsync(new UpdateProjectRequest { Id = project.Id, Version = 1, UpdateMask = { "status" }, Project = new() { Status = ProjectStatus.Pilot } });
        await Assert.ThrowsAsync<RpcException>(() => _client.UpdateProjectAsync(new UpdateProjectRequest
        {
            Id = project.Id, Version = 1, UpdateMask = { "status" }, Project = new() { Status = ProjectStatus.Running },
        }).ResponseAsync);

        Assert.Equal(1, await EventsAsync("inventory.project-updated", project.Id));
        Assert.Equal(1, await EventsAsync("inventory.project-status-changed", project.Id));
        Assert.Equal(1, await host.CountAsync(
            $"SELECT count(*) FROM messaging_outbox WHERE type = 'inventory.project-status-changed' AND payload ->> 'projectId' = '{project.Id}' AND payload ->> 'toStatus' = 'Pilot'"));
    }

    [Fact]
    public async Task An_update_that_changes_nothing_keeps_the_version_and_publishes_nothing()
    {
        var project = (await _client.CreateProjectAsync(new CreateProjectRequest { Project = Drafts.Valid() })).Project;

        var same = (await _client.UpdateProjectAsync(new UpdateProjectRequest { Id = project.Id, Version = 1, Project = Drafts.Valid() })).Project;

        Assert.Equal(1, same.Version);
        Assert.Equal(0, await EventsAsync("inventory.project-updated", project.Id));
    }

    [Fact]
    public async Task Every_project_event_names_its_project_and_the_version_it_left_the_project_at()
    {
        var project = (await _client.CreateProjectAsync(new CreateProjectRequest { Project = Drafts.Valid() })).Project;
        await _client.UpdateProjectAsync(new UpdateProjectRequest { Id = project.Id, Version = 1, UpdateMask = { "status" }, Project = new() { Status = ProjectStatus.Pilot } });

        Assert.Equal(1, await host.CountAsync(
            $"SELECT count(*) FROM messaging_outbox WHERE type = 'inventory.project-registered' AND aggregate_id = '{project.Id}' AND aggregate_version = 1"));
        Assert.Equal(2, await host.CountAsync(
            $"SELECT count(*) FROM messaging_outbox WHERE type IN ('inventory.project-updated', 'inventory.project-status-changed') AND aggregate_id = '{project.Id}' AND aggregate_version = 2"));
        Assert.Equal(0, await host.CountAsync(
            $"SELECT count(*) FROM messaging_outbox WHERE payload ->> 'projectId' = '{project.Id}' AND aggregate_id IS NULL"));
    }
}
