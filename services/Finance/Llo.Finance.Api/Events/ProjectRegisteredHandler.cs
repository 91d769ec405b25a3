using Llo.Contracts.Events;
using Llo.Messaging;

namespace Llo.Finance.Api.Events;

/// <summary>Keeps the title of every project the inventory registers, to name the candidate line if it is ever scaled up.</summary>
public sealed class ProjectRegisteredHandler(TimeProvider time) : IIntegrationEventHandler<ProjectRegistered>
{
    public Task HandleAsync(ProjectRegistered evt, IntegrationEventContext context, CancellationToken ct) =>
        CandidateExpenseLineStore.RecordProjectAsync(context.Transaction!, evt.ProjectId, evt.Title, StoredTime.Now(time), ct);
}
