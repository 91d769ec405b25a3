using Grpc.Core;
using Llo.Persistence;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using V1 = Llo.Kit.Tests.SampleService.V1;

namespace Llo.Kit.Tests.SampleService;

/// <summary>Notes: create, get, list by topic a page at a time, and update with a version and a field mask.</summary>
public sealed class NoteService(NpgsqlDataSource dataSource, TimeProvider time) : V1.NoteService.NoteServiceBase
{
    public static readonly Resource Note = new("Notitie", "de", "notitie-id");
    private static readonly PageLimits Limits = new(Default: 20, Max: 100);

    [Authorize(Policy = NotePolicies.Write)]
    public override async Task<V1.Note> CreateNote(V1.CreateNoteRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var fields = NoteValidator.Validate(request.Note, new FieldViolations());
        var note = new StoredNote(Guid.CreateVersion7(), fields.Title, fields.Body, fields.Topic, 1, StoredTime.Now(time));
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await NoteStore.InsertAsync(tx, note, ct);
        await NoteEvents.CreatedAsync(tx, note, ct);
        await tx.CommitAsync(ct);
        return note.ToContract();
    }

    [AllowAnonymous]
    public override async Task<V1.Note> GetNote(V1.GetNoteRequest request, ServerCallContext context)
    {
        var id = Note.ParseId(request.Id);
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var note = await NoteStore.FindAsync(connection, id, context.CancellationToken);
        return (note ?? throw Note.NotFound(id)).ToContract();
    }

    [AllowAnonymous]
    public override async Task<V1.ListNotesResponse> ListNotes(V1.ListNotesRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var topic = TextField.Filter(request.Topic, "topic", "Het onderwerp", 100, violations);
        var page = Page.Parse(request.PageSize, request.PageToken, Limits, violations, topic);
        violations.ThrowIfAny();

        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var result = await NoteStore.ListAsync(connection, topic, page, context.CancellationToken);
        var response = new V1.ListNotesResponse { TotalSize = result.Total, NextPageToken = page.NextToken(result.Rows.Count, result.Total) };
        response.Notes.AddRange(result.Rows.Select(n => n.ToContract()));
        return response;
    }

    [Authorize(Policy = NotePolicies.Write)]
    public override async Task<V1.Note> UpdateNote(V1.UpdateNoteRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var id = Note.ParseId(request.Id);
        Note.RequireVersion(request.Version);

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var current = await NoteStore.LockAsync(tx, id, ct).Expecting(request.Version, () => Note.NotFound(id), Note.Stale);
        var violations = new FieldViolations();
        var merged = UpdateMask.Apply(current.Fields, request.Note ?? new(), request.UpdateMask?.Paths ?? [], violations);
        var fields = NoteValidator.Validate(merged, violations);
        var changed = UpdateMask.ChangedFields(current.Fields, fields);
        if (changed.Count == 0)
        {
            return current.ToContract(); // nothing changed: the version stays and no event goes out
        }

        var updated = current.With(fields, current.Version + 1, StoredTime.Now(time));
        await NoteStore.UpdateAsync(tx, updated, ct);
        await NoteEvents.ChangedAsync(tx, updated, changed, ct);
        await tx.CommitAsync(ct);
        return updated.ToContract();
    }
}
