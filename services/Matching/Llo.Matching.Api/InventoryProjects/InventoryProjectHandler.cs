using Llo.Contracts.Events;
using Llo.Messaging;

namespace Llo.Matching.Api.InventoryProjects;

/// <summary>
/// A registered or changed inventory project: the event says which, the inventory's gRPC API says what it is now (the
/// events carry no description, and a status change arrives as <see cref="ProjectUpdated"/>). Reading the current
/// state makes the order of events irrelevant; the kit's inbox keeps a redelivered message from a second read.
/// </summary>
public sealed class InventoryProjectHandler(InventoryProjectReader reader)
    : IIntegrationEventHandler<ProjectRegistered>, IIntegrationEventHandler<ProjectUpdated>
{
    public Task HandleAsync(ProjectRegistered evt, IntegrationEventContext context, CancellationToken ct) => RefreshAsync(evt.ProjectId, context, ct);

    public Task HandleAsync(ProjectUpdated evt, IntegrationEventContext context, CancellationToken ct) => RefreshAsync(evt.ProjectId, context, ct);

    private async Task RefreshAsync(Guid id, IntegrationEventContext context, CancellationToken ct) =>
        await reader.ApplyAsync(context.Transaction!, id, await reader.ReadAsync(id, ct), ct);
}
