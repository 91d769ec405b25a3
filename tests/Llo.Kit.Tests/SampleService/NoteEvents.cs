using Llo.Contracts.Events;
using Llo.Messaging;
using Npgsql;

namespace Llo.Kit.Tests.SampleService;

// Ids, versions and field names only: the title and text are typed freely and may hold personal data.
[IntegrationEvent("kitsample.note-created")]
public sealed record NoteCreated(Guid NoteId) : IntegrationEvent;

[IntegrationEvent("kitsample.note-changed")]
public sealed record NoteChanged(Guid NoteId, long Version, IReadOnlyList<string> ChangedFields) : IntegrationEvent;

/// <summary>The events a note write enqueues in its own transaction, named for the note and its new version.</summary>
public static class NoteEvents
{
    public static Task CreatedAsync(NpgsqlTransaction tx, StoredNote note, CancellationToken ct) =>
        Outbox.EnqueueAsync(tx, new NoteCreated(note.Id), note.Id.ToString(), note.Version, ct);

    public static Task ChangedAsync(NpgsqlTransaction tx, StoredNote after, IReadOnlyList<string> changed, CancellationToken ct) =>
        Outbox.EnqueueAsync(tx, new NoteChanged(after.Id, after.Version, changed), after.Id.ToString(), after.Version, ct);
}
