using Grpc.Core;
using Llo.Contracts.Matching.V1;
using Llo.Hosting.Access;
using Llo.Matching.Api.Access;
using Llo.Matching.Api.Matches;
using Llo.Matching.Api.Taxonomy;
using Llo.Messaging.Audit;
using Llo.Persistence;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using R = Llo.Matching.Api.Validation.MatchingResources;

namespace Llo.Matching.Api.Workers;

/// <summary>
/// The workers' twins: register, read, list, change with a version and a field mask, and the history of changes. A
/// coach works with the twins assigned to them, a worker reads their own, the programme manager keeps them all. Every
/// write updates the in-memory match index once it is committed. Every read and write of a twin leaves an audit entry
/// (<see cref="WorkerAudit"/>): a write in its own transaction, a read before it answers (503 when it cannot be written).
/// </summary>
public sealed class WorkerService(NpgsqlDataSource dataSource, LoadedTaxonomy loaded, MatchEngine engine, AuditTrail audit, TimeProvider time)
    : Contracts.Matching.V1.WorkerService.WorkerServiceBase
{
    private static readonly PageLimits Limits = new(Default: 20, Max: 100);

    [Authorize(Policy = MatchingPolicies.WorkersWrite)]
    public override async Task<Contracts.Matching.V1.Worker> CreateWorker(CreateWorkerRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var caller = context.Caller();
        var ready = await loaded.WhenReadyAsync(ct);
        var fields = WorkerValidator.Validate(request.Worker, ready.Taxonomy, new FieldViolations());
        if (!caller.IsProgrammeManager())
        {
            // A coach registers their own workers; assigning someone else is the programme manager's.
            fields.CoachUserId = RequireOwnCoach(caller, fields.CoachUserId, allowEmpty: true);
        }

        var now = StoredTime.Now(time);
        var stored = new StoredWorker(Guid.CreateVersion7(), fields, 1, now, now);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await WorkerStore.InsertAsync(tx, stored, caller.ActingRole(), ct);
        await WorkerEvents.RegisteredAsync(tx, stored, ct);
        await audit.RecordAsync(tx, caller, WorkerAudit.Created(stored), ct);
        await tx.CommitAsync(ct);
        engine.Worker(stored);
        return stored.ToContract(ready.LabelOfSkill);
    }

    [Authorize(Policy = MatchingPolicies.WorkersRead)]
    public override async Task<Contracts.Matching.V1.Worker> GetWorker(GetWorkerRequest request, ServerCallContext context)
    {
        var worker = await ReadableAsync(request.Id, context);
        var ready = await loaded.WhenReadyAsync(context.CancellationToken);
        await audit.RecordReadAsync(context.Caller(), WorkerAudit.Read(worker), context.CancellationToken);
        return worker.ToContract(ready.LabelOfSkill);
    }

    [Authorize(Policy = MatchingPolicies.WorkersRead)]
    public override async Task<ListWorkersResponse> ListWorkers(ListWorkersRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = Page.Parse(request.PageSize, request.PageToken, Limits, violations);
        violations.ThrowIfAny();

        var caller = context.Caller();
        var ready = await loaded.WhenReadyAsync(context.CancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var (rows, total) = await WorkerStore.ListAsync(connection, caller.IsProgrammeManager(),
            caller.HasRole(LloRoles.Coach) ? caller.UserId : null, caller.HasRole(LloRoles.Worker) ? caller.UserId : null, page, context.CancellationToken);
        if (WorkerAudit.ReadPage(rows) is { } entry)
        {
            await audit.RecordReadAsync(caller, entry, context.CancellationToken);
        }

        var response = new ListWorkersResponse { TotalSize = total, NextPageToken = page.NextToken(rows.Count, total) };
        response.Workers.AddRange(rows.Select(w => w.ToContract(ready.LabelOfSkill)));
        return response;
    }

    [Authorize(Policy = MatchingPolicies.WorkersWrite)]
    public override async Task<Contracts.Matching.V1.Worker> UpdateWorker(UpdateWorkerRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var caller = context.Caller();
        var id = R.Worker.ParseId(request.Id);
        R.Worker.RequireVersion(request.Version);
        var ready = await loaded.WhenReadyAsync(ct);

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var current = await WorkerStore.LockAsync(tx, id, ct).Expecting(request.Version, () => R.Worker.NotFound(id), R.Worker.Stale);
        caller.RequireMayChange(id, current.CoachUserId);
        var violations = new FieldViolations();
        var merged = UpdateMask.Apply(current.Fields, request.Worker ?? new(), request.UpdateMask?.Paths ?? [], violations);
        var fields = WorkerValidator.Validate(merged, ready.Taxonomy, violations);
        if (!caller.IsProgrammeManager() && fields.CoachUserId != current.Fields.CoachUserId)
        {
            RequireOwnCoach(caller, fields.CoachUserId, allowEmpty: false);
        }

        var changed = UpdateMask.ChangedFields(current.Fields, fields);
        if (changed.Count == 0)
        {
            // Nothing written, but the answer shows the twin: that is a read.
            await audit.RecordReadAsync(caller, WorkerAudit.Read(current), ct);
            return current.ToContract(ready.LabelOfSkill); // nothing changed: the version stays and no event goes out
        }

        var updated = current with { Fields = fields, Version = current.Version + 1, UpdatedAt = StoredTime.Now(time) };
        await WorkerStore.UpdateAsync(tx, updated, changed, caller.ActingRole(), ct);
        await WorkerEvents.ChangedAsync(tx, updated, changed, ct);
        await audit.RecordAsync(tx, caller, WorkerAudit.Updated(current, updated), ct);
        await tx.CommitAsync(ct);
        engine.Worker(updated);
        return updated.ToContract(ready.LabelOfSkill);
    }

    [Authorize(Policy = MatchingPolicies.WorkersRead)]
    public override async Task<ListWorkerHistoryResponse> ListWorkerHistory(ListWorkerHistoryRequest request, ServerCallContext context)
    {
        var worker = await ReadableAsync(request.Id, context);
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var response = new ListWorkerHistoryResponse();
        response.Changes.AddRange(await WorkerStore.HistoryAsync(connection, worker.Id, context.CancellationToken));
        await audit.RecordReadAsync(context.Caller(), WorkerAudit.Read(worker, "history"), context.CancellationToken);
        return response;
    }

    /// <summary>The twin of <paramref name="id"/> if the caller may read it: NotFound, or PermissionDenied for someone else's.</summary>
    private async Task<StoredWorker> ReadableAsync(string id, ServerCallContext context)
    {
        var workerId = R.Worker.ParseId(id);
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var worker = await WorkerStore.FindAsync(connection, workerId, context.CancellationToken) ?? throw R.Worker.NotFound(workerId);
        context.Caller().RequireMayRead(workerId, worker.CoachUserId, worker.UserId);
        return worker;
    }

    private static string RequireOwnCoach(Caller caller, string coachUserId, bool allowEmpty)
    {
        var own = caller.UserId?.ToString() ?? throw Caller.Denied("Uw token noemt geen gebruiker.");
        if ((coachUserId.Length == 0 && allowEmpty) || coachUserId == own)
        {
            return own;
        }

        throw Caller.Denied("Een coach wijst alleen zichzelf als coach toe; een andere coach toewijzen doet de programmamanager.");
    }
}
