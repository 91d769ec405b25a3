using Grpc.Core;
using Llo.Contracts.Events;
using Llo.Contracts.Matching.V1;
using Llo.Hosting.Access;
using Llo.Matching.Api.Access;
using Llo.Matching.Api.Matches;
using Llo.Matching.Api.Taxonomy;
using Llo.Matching.Api.Validation;
using Llo.Messaging;
using Llo.Persistence;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using R = Llo.Matching.Api.Validation.MatchingResources;

namespace Llo.Matching.Api.Trainings;

/// <summary>
/// The region's training catalogue: education partners publish offers for their own organisation (the programme
/// manager for any), every logged-in user reads them, and the matches suggest them to close a skill gap.
/// </summary>
public sealed class TrainingService(NpgsqlDataSource dataSource, LoadedTaxonomy loaded, MatchEngine engine, TimeProvider time)
    : Contracts.Matching.V1.TrainingService.TrainingServiceBase
{
    private static readonly PageLimits Limits = new(Default: 20, Max: 100);

    [Authorize(Policy = MatchingPolicies.TrainingsWrite)]
    public override async Task<Contracts.Matching.V1.Training> CreateTraining(CreateTrainingRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var owner = context.Caller().RequireOrganisation();
        var ready = await loaded.WhenReadyAsync(ct);
        var fields = TrainingValidator.Validate(request.Training, ready.Taxonomy, new FieldViolations());
        var now = StoredTime.Now(time);
        var stored = new StoredTraining(Guid.CreateVersion7(), fields, owner, 1, now, now);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await TrainingStore.InsertAsync(tx, stored, ct);
        await PublishedAsync(tx, stored, ct);
        await tx.CommitAsync(ct);
        engine.Training(stored);
        return stored.ToContract(ready);
    }

    [Authorize(Policy = MatchingPolicies.TrainingsRead)]
    public override async Task<Contracts.Matching.V1.Training> GetTraining(GetTrainingRequest request, ServerCallContext context)
    {
        var id = R.Training.ParseId(request.Id);
        var ready = await loaded.WhenReadyAsync(context.CancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        return (await TrainingStore.FindAsync(connection, id, context.CancellationToken) ?? throw R.Training.NotFound(id)).ToContract(ready);
    }

    [Authorize(Policy = MatchingPolicies.TrainingsRead)]
    public override async Task<ListTrainingsResponse> ListTrainings(ListTrainingsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var skill = TextField.Filter(request.SkillUri, "skillUri", "De vaardigheid", 200, violations);
        var page = Page.Parse(request.PageSize, request.PageToken, Limits, violations, skill);
        violations.ThrowIfAny();
        var ready = await loaded.WhenReadyAsync(context.CancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var (rows, total) = await TrainingStore.ListAsync(connection, skill, page, context.CancellationToken);
        var response = new ListTrainingsResponse { TotalSize = total, NextPageToken = page.NextToken(rows.Count, total) };
        response.Trainings.AddRange(rows.Select(t => t.ToContract(ready)));
        return response;
    }

    [Authorize(Policy = MatchingPolicies.TrainingsWrite)]
    public override async Task<Contracts.Matching.V1.Training> UpdateTraining(UpdateTrainingRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var id = R.Training.ParseId(request.Id);
        R.Training.RequireVersion(request.Version);
        var ready = await loaded.WhenReadyAsync(ct);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var current = await TrainingStore.LockAsync(tx, id, ct).Expecting(request.Version, () => R.Training.NotFound(id), R.Training.Stale);
        context.Caller().RequireMayChangeOwned(current.Owner, $"opleiding {id}");
        var violations = new FieldViolations();
        var merged = UpdateMask.Apply(current.Fields, request.Training ?? new(), request.UpdateMask?.Paths ?? [], violations);
        var fields = TrainingValidator.Validate(merged, ready.Taxonomy, violations);
        var changed = UpdateMask.ChangedFields(current.Fields, fields);
        if (changed.Count == 0)
        {
            return current.ToContract(ready);
        }

        var updated = current with { Fields = fields, Version = current.Version + 1, UpdatedAt = StoredTime.Now(time) };
        await TrainingStore.UpdateAsync(tx, updated, ct);
        await Outbox.EnqueueAsync(tx, new TrainingOfferChanged(updated.Id, updated.Version, changed), updated.Id.ToString(), updated.Version, ct);
        await tx.CommitAsync(ct);
        engine.Training(updated);
        return updated.ToContract(ready);
    }

    public static Task PublishedAsync(NpgsqlTransaction tx, StoredTraining t, CancellationToken ct) =>
        Outbox.EnqueueAsync(tx, new TrainingOfferPublished(t.Id, [.. t.Fields.SkillUris]), t.Id.ToString(), t.Version, ct);
}
