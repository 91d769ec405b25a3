using Grpc.Core;
using Llo.Contracts.Inventory.V1;
using Llo.Inventory.Tests.Infrastructure;

namespace Llo.Inventory.Tests.Projects;

/// <summary>Create, read, update and archive over gRPC against the real database.</summary>
public sealed class ProjectLifecycleTests(InventoryHost host) : IClassFixture<InventoryHost>
{
    private readonly ProjectService.ProjectServiceClient _client = new(host.Grpc);

    private async Task<Project> RegisterAsync(ProjectFields? fields = null) =>
        (await _client.CreateProjectAsync(new CreateProjectRequest { Project = fields ?? Drafts.Valid() })).Project;

    [Fact]
    public async Task A_registered_project_reads_back_with_every_field_version_one_and_timestamps()
    {
        var created = await RegisterAsync();

        var read = await _client.GetProjectAsync(new GetProjectRequest { Id = created.Id });

        Assert.Equal(created, read);
        Assert.Equal(Drafts.Valid(), read.Fields);
        Assert.Equal(1, read.Version);
        Assert.False(read.Archived);
        Assert.True(Guid.TryParse(read.Id, out _));
        Assert.Equal(read.CreatedAt, read.UpdatedAt);
    }

    [Fact]
    public async Task Updating_with_a_mask_changes_only_the_named_fields_and_bumps_the_version()
    {
        var created = await RegisterAsync();

        var updated = (await _client.UpdateProjectAsync(new UpdateProjectRequest
        {
            Id = created.Id,
            Version = created.Version,
            UpdateMask = { "summary", "status" },
            Project = new ProjectFields { Summary = "Nieuwe samenvatting", Status = ProjectStatus.Pilot, Title = "genegeerd" },
        })).Project;

        Assert.Equal(2, updated.Version);
        Assert.Equal("Nieuwe samenvatting", updated.Fields.Summary);
        Assert.Equal(ProjectStatus.Pilot, updated.Fields.Status);
        Assert.Equal(created.Fields.Title, updated.Fields.Title);
        Assert.Equal(created.Fields.Partners, updated.Fields.Partners);
        Assert.Equal(updated, await _client.GetProjectAsync(new GetProjectRequest { Id = created.Id }));
    }

    [Fact]
    public async Task Updating_without_a_mask_replaces_every_field()
    {
        var created = await RegisterAsync();
        var replacement = Drafts.Valid("Volledig vervangen project");
        replacement.Links.Clear();
        replacement.Contact = null;

        var updated = (await _client.UpdateProjectAsync(new UpdateProjectRequest { Id = created.Id, Version = 1, Project = replacement })).Project;

        Assert.Equal(replacement, updated.Fields);
    }

    [Fact]
    public async Task An_update_with_a_stale_version_is_aborted_with_a_dutch_message_and_changes_nothing()
    {
        var created = await RegisterAsync();
        await _client.UpdateProjectAsync(new UpdateProjectRequest { Id = created.Id, Version = 1, UpdateMask = { "title" }, Project = new() { Title = "Eerste wijziging" } });

        var ex = await Assert.ThrowsAsync<RpcException>(() => _client.UpdateProjectAsync(new UpdateProjectRequest
        {
            Id = created.Id, Version = 1, UpdateMask = { "title" }, Project = new() { Title = "Tweede wijziging" },
        }).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, ex.StatusCode);
        Assert.Contains("intussen gewijzigd", ex.Status.Detail);
        var read = await _client.GetProjectAsync(new GetProjectRequest { Id = created.Id });
        Assert.Equal("Eerste wijziging", read.Fields.Title);
        Assert.Equal(2, read.Version);
    }

    [Fact]
    public async Task A_status_change_that_skips_ahead_is_refused_naming_the_status_field()
    {
        var created = await RegisterAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => _client.UpdateProjectAsync(new UpdateProjectRequest
        {
            Id = created.Id, Version = 1, UpdateMask = { "status" }, Project = new() { Status = ProjectStatus.Scaled },
        }).ResponseAsync);

        Assert.Equal(["project.status"], Assertions.FieldViolations(ex));
        Assert.Equal(ProjectStatus.Idea, (await _client.GetProjectAsync(new GetProjectRequest { Id = created.Id })).Fields.Status);
    }

    [Fact]
    public async Task An_unknown_update_mask_field_is_refused()
    {
        var created = await RegisterAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(() => _client.UpdateProjectAsync(new UpdateProjectRequest
        {
            Id = created.Id, Version = 1, UpdateMask = { "colour" }, Project = new(),
        }).ResponseAsync);
        Assert.Equal(["updateMask[0]"], Assertions.FieldViolations(ex));
    }

    [Fact]
    public async Task Archiving_hides_a_project_from_the_default_listing_while_include_archived_and_get_still_show_it()
    {
        var created = await RegisterAsync(Drafts.Valid("Te archiveren zeldzaamheidsproject"));

        var archived = await _client.ArchiveProjectAsync(new ArchiveProjectRequest { Id = created.Id, Version = 1 });

        Assert.True(archived.Archived);
        Assert.Equal(2, archived.Version);
        var listed = await _client.ListProjectsAsync(new ListProjectsRequest { PageSize = 100 });
        Assert.DoesNotContain(listed.Projects, p => p.Id == created.Id);
        var withArchived = await _client.ListProjectsAsync(new ListProjectsRequest { PageSize = 100, IncludeArchived = true });
        Assert.Contains(withArchived.Projects, p => p.Id == created.Id);
        Assert.True((await _client.GetProjectAsync(new GetProjectRequest { Id = created.Id })).Archived);

        var edit = await Assert.ThrowsAsync<RpcException>(() => _client.UpdateProjectAsync(new UpdateProjectRequest
        {
            Id = created.Id, Version = 2, UpdateMask = { "title" }, Project = new() { Title = "Toch nog wijzigen" },
        }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, edit.StatusCode);
    }

    [Fact]
    public async Task An_unknown_id_is_not_found_and_a_malformed_id_is_an_invalid_argument()
    {
        var missing = await Assert.ThrowsAsync<RpcException>(() => _client.GetProjectAsync(new GetProjectRequest { Id = Guid.NewGuid().ToString() }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);

        var malformed = await Assert.ThrowsAsync<RpcException>(() => _client.GetProjectAsync(new GetProjectRequest { Id = "project-1" }).ResponseAsync);
        Assert.Equal(["id"], Assertions.FieldViolations(malformed));
    }

    [Fact]
    public async Task A_contact_person_is_stored_and_returned_only_with_consent()
    {
        var fields = Drafts.Valid();
        fields.Contact = new ProjectContact { Organisation = "Riverboard", Role = "Programmamanager", Consent = true, Name = "Test Persoon", Email = "test@example.org" };
        var created = await RegisterAsync(fields);
        Assert.Equal("Test Persoon", (await _client.GetProjectAsync(new GetProjectRequest { Id = created.Id })).Fields.Contact.Name);

        fields.Contact.Consent = false;
        var refused = await Assert.ThrowsAsync<RpcException>(() => _client.CreateProjectAsync(new CreateProjectRequest { Project = fields }).ResponseAsync);
        Assert.Equal(["project.contact.name", "project.contact.email"], Assertions.FieldViolations(refused));
    }
}
