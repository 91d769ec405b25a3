using Grpc.Core;
using Llo.Contracts.Inventory.V1;
using Llo.Hosting.Access;
using Llo.Inventory.Tests.Infrastructure;
using Llo.Testing;

namespace Llo.Inventory.Tests.Access;

/// <summary>A partner system calls gRPC with a client-credentials token: its scopes decide, its organisation owns what it registers.</summary>
public sealed class PartnerClientTests(InventoryHost host) : IClassFixture<InventoryHost>
{
    private ProjectService.ProjectServiceClient Projects(TestToken? token) => new(host.GrpcAs(token));

    private static CreateProjectRequest NewProject() => new() { Project = AccessRequests.Project("Partnerproject") };

    [Fact]
    public async Task A_partner_system_with_the_write_scope_registers_a_project_and_changes_it_again()
    {
        var partner = Projects(InventoryHost.Client(TestOrganisations.One, "inventory.read", "inventory.write"));

        var created = await partner.CreateProjectAsync(NewProject());
        var archived = await partner.ArchiveProjectAsync(new ArchiveProjectRequest { Id = created.Project.Id, Version = 1 });

        Assert.True(archived.Archived);
    }

    [Fact]
    public async Task A_partner_system_with_only_the_read_scope_reads_but_may_not_write()
    {
        var partner = Projects(InventoryHost.Client(TestOrganisations.One, "inventory.read"));

        await partner.ListProjectsAsync(new ListProjectsRequest());
        var refused = await Assert.ThrowsAsync<RpcException>(() => partner.CreateProjectAsync(NewProject()).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.NotNull(refused.GetRpcStatus());
    }

    [Fact]
    public async Task A_partner_system_of_another_organisation_may_not_change_the_project()
    {
        var created = await Projects(InventoryHost.Client(TestOrganisations.One, "inventory.write")).CreateProjectAsync(NewProject());
        var stranger = Projects(InventoryHost.Client(TestOrganisations.Two, "inventory.write"));

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            stranger.ArchiveProjectAsync(new ArchiveProjectRequest { Id = created.Project.Id }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    [Fact]
    public async Task Without_a_token_a_grpc_write_gets_a_real_Unauthenticated_status_in_Dutch()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => Projects(null).CreateProjectAsync(NewProject()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains("Log eerst in", refused.Status.Detail);
        Assert.Equal((int)StatusCode.Unauthenticated, refused.GetRpcStatus()?.Code);
    }

    [Fact]
    public async Task A_user_token_without_an_editing_role_is_PermissionDenied_over_grpc()
    {
        var worker = Projects(InventoryHost.User(TestOrganisations.One, LloRoles.Worker));

        var refused = await Assert.ThrowsAsync<RpcException>(() => worker.CreateProjectAsync(NewProject()).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }
}
