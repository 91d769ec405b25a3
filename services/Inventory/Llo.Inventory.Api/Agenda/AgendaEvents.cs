using Llo.Contracts.Events;
using Llo.Messaging;
using Npgsql;

namespace Llo.Inventory.Api.Agenda;

/// <summary>The integration events an agenda write produces, enqueued in the write's own transaction.</summary>
public static class AgendaEvents
{
    public static Task ScheduledAsync(NpgsqlTransaction tx, StoredAgendaItem item, CancellationToken ct) =>
        Outbox.EnqueueAsync(tx, new AgendaItemScheduled(item.Id, item.Item.Date, item.Item.Public, item.Item.ProjectIds),
            item.Id.ToString(), item.Version, ct);

    public static Task ChangedAsync(NpgsqlTransaction tx, StoredAgendaItem after, IReadOnlyList<string> changedFields, CancellationToken ct) =>
        Outbox.EnqueueAsync(tx, new AgendaItemChanged(after.Id, after.Version, after.Item.Date, after.Item.Public, changedFields),
            after.Id.ToString(), after.Version, ct);

    /// <summary>A deletion leaves no row, so its event takes the version after the last one a consumer saw.</summary>
    public static Task CancelledAsync(NpgsqlTransaction tx, StoredAgendaItem item, CancellationToken ct) =>
        Outbox.EnqueueAsync(tx, new AgendaItemCancelled(item.Id, item.Item.Date), item.Id.ToString(), item.Version + 1, ct);

    /// <summary>The contract's field names (<c>start_time</c>, <c>project_ids</c>) whose values differ; empty for a no-op update.</summary>
    public static IReadOnlyList<string> ChangedFields(AgendaItemInput before, AgendaItemInput after) =>
        UpdateMask.ChangedFields(before.ToContract(), after.ToContract());
}
