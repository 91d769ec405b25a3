using Grpc.Core;
using Llo.Hosting.Access;
using Llo.Inventory.Api.Access;
using Llo.Inventory.Api.Overlaps;
using Llo.Inventory.Api.Search;
using Llo.Inventory.Api.Validation;
using Llo.Inventory.Domain.Projects;
using Llo.Messaging.Audit;
using Llo.Persistence;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using Contract = Llo.Contracts.Inventory.V1;

namespace Llo.Inventory.Api.Projects;

/// <summary>
/// The project inventory over gRPC (and JSON through transcoding). Every write validates first, then changes the row
/// and enqueues its events in one transaction; overlaps are warnings and never block. Reads are public; a project is
/// changed only for the organisation that registered it (programme staff for a programme-owned one).
/// </summary>
public sealed class ProjectGrpcService(
    NpgsqlDataSource dataSource, ProjectSearch search, OverlapFinder overlaps, AuditTrail audit, TimeProvider time,
    ILogger<ProjectGrpcService> logger)
    : Contract.ProjectService.ProjectServiceBase
{
    [AllowAnonymous]
    public override async Task<Contract.Project> GetProject(Contract.GetProjectRequest request, ServerCallContext context)
    {
        var id = Resource.Project.ParseId(request.Id);
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var project = await ProjectStore.FindAsync(connection, id, context.CancellationToken) ?? throw Resource.Project.NotFound(id);
        var caller = context.Caller();
        var answer = project.ToContractFor(caller);
        await RecordReadAsync(caller, [answer], context.CancellationToken);
        return answer;
    }

    [AllowAnonymous]
    public override async Task<Contract.ListProjectsResponse> ListProjects(Contract.ListProjectsRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var answer = await search.ListAsync(request, caller, context.CancellationToken);
        await RecordReadAsync(caller, answer.Projects, context.CancellationToken);
        return answer;
    }

    /// <summary>Records the contact persons an answer shows (none for anonymous callers) before it goes out.</summary>
    private async Task RecordReadAsync(Caller caller, IReadOnlyCollection<Contract.Project> answer, CancellationToken ct)
    {
        if (ProjectAudit.Read(answer) is { } entry)
        {
            await audit.RecordReadAsync(caller, entry, ct);
        }
    }

    private async Task RecordAsync(NpgsqlTransaction tx, Caller caller, AuditEntry? entry, CancellationToken ct)
    {
        if (entry is not null)
        {
            await audit.RecordAsync(tx, caller, entry, ct);
        }
    }

    [AllowAnonymous]
    public override async Task<Contract.FindOverlapsResponse> FindOverlaps(Contract.FindOverlapsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var draft = OverlapDraftValidator.Validate(request.Draft, "draft", violations);
        var max = request.MaxResults == 0 ? OverlapFinder.DefaultMaxResults : request.MaxResults;
        if (max is < 1 or > OverlapFinder.MaxMaxResults)
        {
            violations.Add("maxResults", $"Tussen 1 en {OverlapFinder.MaxMaxResults} (standaard {OverlapFinder.DefaultMaxResults}).");
        }

        violations.ThrowIfAny();
        return new Contract.FindOverlapsResponse { Overlaps = { await overlaps.FindAsync(draft!, null, max, context.CancellationToken) } };
    }

    [Authorize(Policy = InventoryPolicies.ProjectsWrite)]
    public override async Task<Contract.CreateProjectResponse> CreateProject(Contract.CreateProjectRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var caller = context.Caller();
        var owner = caller.OwnOrganisation();
        var violations = new FieldViolations();
        var data = ProjectFieldsValidator.Validate(request.Project, "project", violations);
        Guid? joinId = null;
        if (!string.IsNullOrWhiteSpace(request.JoinProjectId))
        {
            joinId = Resource.Project.ParseId(request.JoinProjectId, "joinProjectId", violations);
        }

        // A join needs no request id: repeating it finds nothing left to add and changes nothing.
        var claim = joinId is null ? ProjectCreateRequests.Read(request, caller.Subject!, violations) : null;
        violations.ThrowIfAny();
        if (joinId is { } existing)
        {
            return new Contract.CreateProjectResponse { Project = (await JoinAsync(existing, data!, caller, ct)).ToContractFor(caller) };
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (claim is not null && await ProjectCreateRequests.EarlierAsync(connection, claim, ct) is { } earlier)
        {
            return await RetriedAsync(connection, earlier, caller, ct);
        }

        var warnings = await overlaps.FindAsync(data!, null, OverlapFinder.DefaultMaxResults, ct);
        var now = StoredTime.Now(time);
        var project = new StoredProject(Guid.CreateVersion7(), data!, 1, false, now, now, owner);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (claim is not null && !await ProjectCreateRequests.TryClaimAsync(tx, claim, project.Id, ct))
        {
            // A concurrent attempt with the same id committed while this one was on its way.
            await tx.RollbackAsync(ct);
            return await RetriedAsync(connection, (await ProjectCreateRequests.EarlierAsync(connection, claim, ct))!.Value, caller, ct);
        }

        await ProjectStore.InsertAsync(tx, project, ct);
        await ProjectEvents.RegisteredAsync(tx, project, ct);
        var answer = project.ToContractFor(caller);
        await RecordAsync(tx, caller, ProjectAudit.Written(AuditActions.Create, null, project, [], answer), ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Project {ProjectId} registered with {OverlapCount} possible overlaps", project.Id, warnings.Count);
        return new Contract.CreateProjectResponse { Project = answer, Overlaps = { warnings } };
    }

    /// <summary>
    /// The answer to a retried registration: the project as it is now (a retry may come after later changes), read like
    /// any project, without overlap warnings (the first answer had them; the project itself would be one now).
    /// </summary>
    private async Task<Contract.CreateProjectResponse> RetriedAsync(NpgsqlConnection connection, Guid projectId, Caller caller, CancellationToken ct)
    {
        var project = await ProjectStore.FindAsync(connection, projectId, ct) ?? throw Resource.Project.NotFound(projectId);
        var answer = project.ToContractFor(caller);
        await RecordReadAsync(caller, [answer], ct);
        logger.LogInformation("Registration retried: project {ProjectId} returned again", projectId);
        return new Contract.CreateProjectResponse { Project = answer };
    }

    [Authorize(Policy = InventoryPolicies.ProjectsWrite)]
    public override async Task<Contract.UpdateProjectResponse> UpdateProject(Contract.UpdateProjectRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var id = Resource.Project.ParseId(request.Id);
        Resource.Project.RequireVersion(request.Version);

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var current = await LockAsync(tx, id, request.Version, ct);
        var caller = context.Caller();
        caller.RequireMayChange(current.Owner, $"project {id}");

        var violations = new FieldViolations();
        if (request.Project is null && request.UpdateMask.Count == 0)
        {
            violations.Add("project", "Het project ontbreekt.");
            violations.ThrowIfAny();
        }

        var merged = UpdateMask.Apply(current.Data.ToContract(), request.Project ?? new(), request.UpdateMask, violations);
        var data = ProjectFieldsValidator.Validate(merged, "project", violations);
        if (data is not null && !StatusTransitions.IsAllowed(current.Data.Status, data.Status))
        {
            var allowed = StatusTransitions.From(current.Data.Status).Select(Labels.Dutch);
            violations.Add("project.status",
                $"Van {Labels.Dutch(current.Data.Status)} naar {Labels.Dutch(data.Status)} kan niet; wel naar: {string.Join(", ", allowed)}.");
        }

        violations.ThrowIfAny();
        var changed = current.Data.ChangedFields(data!);
        var result = current;
        if (changed.Count > 0)
        {
            result = current with { Data = data!, Version = current.Version + 1, UpdatedAt = StoredTime.Now(time) };
            await ProjectStore.UpdateAsync(tx, result, ct);
            await ProjectEvents.UpdatedAsync(tx, current, result, changed, ct);
        }

        var answer = result.ToContractFor(caller);
        await RecordAsync(tx, caller, ProjectAudit.Written(AuditActions.Update, current, result, changed, answer), ct);
        await tx.CommitAsync(ct);
        var warnings = await overlaps.FindAsync(result.Data, result.Id, OverlapFinder.DefaultMaxResults, ct);
        return new Contract.UpdateProjectResponse { Project = answer, Overlaps = { warnings } };
    }

    [Authorize(Policy = InventoryPolicies.ProjectsWrite)]
    public override async Task<Contract.Project> ArchiveProject(Contract.ArchiveProjectRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var id = Resource.Project.ParseId(request.Id);
        Resource.Project.RequireVersionOrZero(request.Version);

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var current = await LockAsync(tx, id, request.Version, ct, allowArchived: true);
        var caller = context.Caller();
        caller.RequireMayChange(current.Owner, $"project {id}");
        if (current.Archived)
        {
            var unchanged = current.ToContractFor(caller);
            await RecordAsync(tx, caller, ProjectAudit.Read([unchanged]), ct);
            await tx.CommitAsync(ct);
            return unchanged;
        }

        var archived = current with { Archived = true, Version = current.Version + 1, UpdatedAt = StoredTime.Now(time) };
        await ProjectStore.UpdateAsync(tx, archived, ct);
        await ProjectEvents.UpdatedAsync(tx, current, archived, ["archived"], ct);
        var answer = archived.ToContractFor(caller);
        await RecordAsync(tx, caller, ProjectAudit.Read([answer]), ct);
        await tx.CommitAsync(ct);
        return answer;
    }

    /// <summary>Adds a draft's partners and links to an existing project instead of registering a twin.</summary>
    private async Task<StoredProject> JoinAsync(Guid id, ProjectData draft, Caller caller, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var current = await LockAsync(tx, id, expectedVersion: 0, ct);
        caller.RequireMayChange(current.Owner, $"project {id}");
        var joined = current.Data.Join(draft);
        ValidateJoined(joined);
        var changed = current.Data.ChangedFields(joined);
        if (changed.Count == 0)
        {
            await RecordAsync(tx, caller, ProjectAudit.Read([current.ToContractFor(caller)]), ct);
            await tx.CommitAsync(ct);
            return current;
        }

        var result = current with { Data = joined, Version = current.Version + 1, UpdatedAt = StoredTime.Now(time) };
        await ProjectStore.UpdateAsync(tx, result, ct);
        await ProjectEvents.UpdatedAsync(tx, current, result, changed, ct);
        await RecordAsync(tx, caller, ProjectAudit.Written(AuditActions.Update, current, result, changed, result.ToContractFor(caller)), ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Draft joined project {ProjectId} ({Changed})", id, string.Join(", ", changed));
        return result;
    }

    /// <summary>
    /// The project a join makes must pass the same rules as any project: the partner and link limits count the
    /// existing ones too, so joining cannot grow a project past what an update could store.
    /// </summary>
    private static void ValidateJoined(ProjectData joined)
    {
        var violations = new FieldViolations();
        var partners = ListField.Max(joined.Partners.Count, InventoryLists.Partners.Max, "project.partners",
            "partners samen met die van het bestaande project", violations);
        var links = ListField.Max(joined.Links.Count, InventoryLists.Links.Max, "project.links",
            "links samen met die van het bestaande project", violations);
        if (partners && links)
        {
            ProjectFieldsValidator.Validate(joined.ToContract(), "project", violations);
        }

        violations.ThrowIfAny();
    }

    /// <summary>The project locked for this transaction, or NotFound / FailedPrecondition (archived) / Aborted (stale version; 0 = not checked).</summary>
    private static async Task<StoredProject> LockAsync(NpgsqlTransaction tx, Guid id, long expectedVersion, CancellationToken ct, bool allowArchived = false)
    {
        var current = await ProjectStore.LockAsync(tx, id, ct).Expecting(expectedVersion, () => Resource.Project.NotFound(id), Resource.Project.Stale);
        if (current.Archived && !allowArchived)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"Project {id} is gearchiveerd en kan niet meer worden gewijzigd."));
        }

        return current;
    }
}
