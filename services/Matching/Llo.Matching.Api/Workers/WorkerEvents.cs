using Llo.Contracts.Events;
using Llo.Messaging;
using Npgsql;

namespace Llo.Matching.Api.Workers;

/// <summary>The events a twin write enqueues in its own transaction: ids, the phase and field names, nothing a person typed.</summary>
public static class WorkerEvents
{
    public static Task RegisteredAsync(NpgsqlTransaction tx, StoredWorker worker, CancellationToken ct) =>
        Outbox.EnqueueAsync(tx, new WorkerRegistered(worker.Id, Validation.MatchingEnums.Phases.ToDomain(worker.Fields.Phase)?.ToString() ?? ""),
            worker.Id.ToString(), worker.Version, ct);

    public static Task ChangedAsync(NpgsqlTransaction tx, StoredWorker after, IReadOnlyList<string> changed, CancellationToken ct) =>
        Outbox.EnqueueAsync(tx, new WorkerChanged(after.Id, after.Version, changed), after.Id.ToString(), after.Version, ct);
}
