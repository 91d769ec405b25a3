using Grpc.Core;
using Llo.Contracts.Matching.V1;
using Llo.Hosting.Access;
using Llo.Matching.Api.Access;
using Llo.Matching.Api.Matches;
using Llo.Matching.Api.Taxonomy;
using Llo.Persistence;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using R = Llo.Matching.Api.Validation.MatchingResources;

namespace Llo.Matching.Api.Employers;

/// <summary>
/// The employers' twins and their jobs (each broken into tasks). Any logged-in user reads them; an employer and its
/// jobs are changed only for the organisation that registered it (its HR manager), or by the programme manager.
/// </summary>
public sealed class EmployerService(NpgsqlDataSource dataSource, LoadedTaxonomy loaded, MatchEngine engine, TimeProvider time)
    : Contracts.Matching.V1.EmployerService.EmployerServiceBase
{
    private static readonly PageLimits Limits = new(Default: 20, Max: 100);

    [Authorize(Policy = MatchingPolicies.EmployersWrite)]
    public override async Task<Contracts.Matching.V1.Employer> CreateEmployer(CreateEmployerRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var owner = context.Caller().RequireOrganisation();
        var fields = EmployerValidator.Validate(request.Employer, new FieldViolations());
        var now = StoredTime.Now(time);
        var stored = new StoredEmployer(Guid.CreateVersion7(), fields, owner, 1, now, now);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await EmployerStore.InsertAsync(tx, stored, ct);
        await EmployerEvents.RegisteredAsync(tx, stored, ct);
        await tx.CommitAsync(ct);
        engine.Employer(stored);
        return stored.ToContract();
    }

    [Authorize(Policy = MatchingPolicies.EmployersRead)]
    public override async Task<Contracts.Matching.V1.Employer> GetEmployer(GetEmployerRequest request, ServerCallContext context)
    {
        var id = R.Employer.ParseId(request.Id);
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        return (await EmployerStore.FindAsync(connection, null, id, context.CancellationToken) ?? throw R.Employer.NotFound(id)).ToContract();
    }

    [Authorize(Policy = MatchingPolicies.EmployersRead)]
    public override async Task<ListEmployersResponse> ListEmployers(ListEmployersRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = Page.Parse(request.PageSize, request.PageToken, Limits, violations);
        violations.ThrowIfAny();
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var (rows, total) = await EmployerStore.ListAsync(connection, page, context.CancellationToken);
        var response = new ListEmployersResponse { TotalSize = total, NextPageToken = page.NextToken(rows.Count, total) };
        response.Employers.AddRange(rows.Select(e => e.ToContract()));
        return response;
    }

    [Authorize(Policy = MatchingPolicies.EmployersWrite)]
    public override async Task<Contracts.Matching.V1.Employer> UpdateEmployer(UpdateEmployerRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var id = R.Employer.ParseId(request.Id);
        R.Employer.RequireVersion(request.Version);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var current = await EmployerStore.LockAsync(tx, id, ct).Expecting(request.Version, () => R.Employer.NotFound(id), R.Employer.Stale);
        context.Caller().RequireMayChangeOwned(current.Owner, $"werkgever {id}");
        var violations = new FieldViolations();
        var merged = UpdateMask.Apply(current.Fields, request.Employer ?? new(), request.UpdateMask?.Paths ?? [], violations);
        var fields = EmployerValidator.Validate(merged, violations);
        var changed = UpdateMask.ChangedFields(current.Fields, fields);
        if (changed.Count == 0)
        {
            return current.ToContract();
        }

        var updated = current with { Fields = fields, Version = current.Version + 1, UpdatedAt = StoredTime.Now(time) };
        await EmployerStore.UpdateAsync(tx, updated, ct);
        await EmployerEvents.ChangedAsync(tx, updated, changed, ct);
        await tx.CommitAsync(ct);
        engine.Employer(updated);
        return updated.ToContract();
    }

    [Authorize(Policy = MatchingPolicies.EmployersWrite)]
    public override async Task<Job> CreateJob(CreateJobRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var employerId = R.Employer.ParseId(request.EmployerId, "employerId");
        var ready = await loaded.WhenReadyAsync(ct);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        // Locked so a job cannot be added while the employer's locations change under it.
        var employer = await EmployerStore.LockAsync(tx, employerId, ct) ?? throw R.Employer.NotFound(employerId);
        context.Caller().RequireMayChangeOwned(employer.Owner, $"werkgever {employerId}");
        var fields = EmployerValidator.ValidateJob(request.Job, employer.Fields, ready.Taxonomy, new FieldViolations());
        var now = StoredTime.Now(time);
        var stored = new StoredJob(Guid.CreateVersion7(), employerId, fields, 1, now, now);
        await JobStore.InsertAsync(tx, stored, ct);
        await EmployerEvents.JobRegisteredAsync(tx, stored, ct);
        await tx.CommitAsync(ct);
        engine.Job(stored);
        return stored.ToContract(ready, employer);
    }

    [Authorize(Policy = MatchingPolicies.EmployersRead)]
    public override async Task<ListJobsResponse> ListJobs(ListJobsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var employerId = R.Employer.ParseId(request.EmployerId, "employerId", violations);
        var page = Page.Parse(request.PageSize, request.PageToken, Limits, violations, request.EmployerId);
        violations.ThrowIfAny();
        var ready = await loaded.WhenReadyAsync(context.CancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var employer = await EmployerStore.FindAsync(connection, null, employerId!.Value, context.CancellationToken) ?? throw R.Employer.NotFound(employerId.Value);
        var (rows, total) = await JobStore.ListAsync(connection, employer.Id, page, context.CancellationToken);
        var response = new ListJobsResponse { TotalSize = total, NextPageToken = page.NextToken(rows.Count, total) };
        response.Jobs.AddRange(rows.Select(j => j.ToContract(ready, employer)));
        return response;
    }

    [Authorize(Policy = MatchingPolicies.EmployersRead)]
    public override async Task<Job> GetJob(GetJobRequest request, ServerCallContext context)
    {
        var id = R.Job.ParseId(request.Id);
        var ready = await loaded.WhenReadyAsync(context.CancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var job = await JobStore.FindAsync(connection, id, context.CancellationToken) ?? throw R.Job.NotFound(id);
        var employer = await EmployerStore.FindAsync(connection, null, job.EmployerId, context.CancellationToken) ?? throw R.Employer.NotFound(job.EmployerId);
        return job.ToContract(ready, employer);
    }

    [Authorize(Policy = MatchingPolicies.EmployersWrite)]
    public override async Task<Job> UpdateJob(UpdateJobRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var id = R.Job.ParseId(request.Id);
        R.Job.RequireVersion(request.Version);
        var ready = await loaded.WhenReadyAsync(ct);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var current = await JobStore.LockAsync(tx, id, ct).Expecting(request.Version, () => R.Job.NotFound(id), R.Job.Stale);
        var employer = await EmployerStore.FindAsync(connection, tx, current.EmployerId, ct) ?? throw R.Employer.NotFound(current.EmployerId);
        context.Caller().RequireMayChangeOwned(employer.Owner, $"functie {id}");
        var violations = new FieldViolations();
        var merged = UpdateMask.Apply(current.Fields, request.Job ?? new(), request.UpdateMask?.Paths ?? [], violations);
        var fields = EmployerValidator.ValidateJob(merged, employer.Fields, ready.Taxonomy, violations);
        var changed = UpdateMask.ChangedFields(current.Fields, fields);
        if (changed.Count == 0)
        {
            return current.ToContract(ready, employer);
        }

        var updated = current with { Fields = fields, Version = current.Version + 1, UpdatedAt = StoredTime.Now(time) };
        await JobStore.UpdateAsync(tx, updated, ct);
        await EmployerEvents.JobChangedAsync(tx, updated, changed, ct);
        await tx.CommitAsync(ct);
        engine.Job(updated);
        return updated.ToContract(ready, employer);
    }
}
