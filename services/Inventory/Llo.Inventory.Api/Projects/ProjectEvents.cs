using Llo.Contracts.Events;
using Llo.Inventory.Domain.Projects;
using Llo.Messaging;
using Npgsql;

namespace Llo.Inventory.Api.Projects;

/// <summary>The integration events a project write produces, enqueued in the write's own transaction.</summary>
public static class ProjectEvents
{
    public static Task RegisteredAsync(NpgsqlTransaction tx, StoredProject project, CancellationToken ct) =>
        Outbox.EnqueueAsync(tx, new ProjectRegistered(
            project.Id, project.Data.Title, project.Data.FocusLines.Select(f => f.ToString()).ToList(), project.Data.Status.ToString()),
            project.Id.ToString(), project.Version, ct);

    /// <summary>ProjectUpdated, plus ProjectStatusChanged when the status moved.</summary>
    public static async Task UpdatedAsync(NpgsqlTransaction tx, StoredProject before, StoredProject after, IReadOnlyList<string> changedFields, CancellationToken ct)
    {
        await Outbox.EnqueueAsync(tx, new ProjectUpdated(after.Id, after.Version, changedFields), after.Id.ToString(), after.Version, ct);
        if (before.Data.Status != after.Data.Status)
        {
            await Outbox.EnqueueAsync(tx, new ProjectStatusChanged(after.Id, before.Data.Status.ToString(), after.Data.Status.ToString()),
                after.Id.ToString(), after.Version, ct);
        }
    }
}
