using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using Grpc.Core;
using Llo.Contracts.Events;
using Llo.Hosting.Access;
using Llo.Inventory.Api.Access;
using Llo.Inventory.Api.Projects;
using Llo.Inventory.Api.Validation;
using Llo.Inventory.Domain.Projects;
using Llo.Inventory.Domain.Scaling;
using Llo.Messaging;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using V1 = Llo.Contracts.Inventory.V1;

namespace Llo.Inventory.Api.Scaling;

/// <summary>
/// Scaling a pilot up to the region. Status answers: not a pilot (or archived) is FAILED_PRECONDITION (HTTP 400, the
/// project is not eligible); a second open proposal is ALREADY_EXISTS and deciding a decided proposal ABORTED (both 409,
/// the request collides with what was done before). Proposals are public reads; proposing is a change of the project
/// (its own organisation, or programme staff for a programme-owned one); the decision is the programme manager's.
/// </summary>
public sealed class ScalingService(NpgsqlDataSource dataSource, TimeProvider time) : V1.ScalingService.ScalingServiceBase
{
    [Authorize(Policy = InventoryPolicies.ProjectsWrite)]
    public override async Task<V1.ScalingProposal> ProposeScaling(V1.ProposeScalingRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var projectId = Resource.Project.ParseId(request.ProjectId, "projectId");
        var violations = new FieldViolations();
        var assessment = ScalingValidator.Validate(request.Assessment, violations);
        violations.ThrowIfAny();

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var project = await ScalingStore.LockProjectAsync(tx, projectId, ct) ?? throw Resource.Project.NotFound(projectId);
        context.Caller().RequireMayChange(project.OwnerOrganisation, $"project {projectId}");
        if (!ScalingRules.CanBeProposed(project.Status, project.Archived))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, project.Archived
                ? "Een gearchiveerd project kan niet worden voorgesteld voor opschaling."
                : $"Alleen een pilot kan worden voorgesteld voor opschaling; dit project heeft status '{Labels.Dutch(project.Status)}'."));
        }

        // The project row is locked, so this check and the insert cannot interleave with another proposal.
        if (await ScalingStore.HasPendingAsync(tx, projectId, ct))
        {
            throw new RpcException(new Status(StatusCode.AlreadyExists,
                "Er ligt al een opschalingsvoorstel voor dit project bij de Tafel; wacht op het besluit."));
        }

        var proposal = new StoredScalingProposal(Guid.CreateVersion7(), projectId, assessment!, StoredTime.Now(time), null, null, null, null);
        await ScalingStore.InsertAsync(tx, proposal, ct);
        await tx.CommitAsync(ct);
        return ToContract(proposal);
    }

    [AllowAnonymous]
    public override async Task<V1.ListScalingProposalsResponse> ListScalingProposals(V1.ListScalingProposalsRequest request, ServerCallContext context)
    {
        var projectId = Resource.Project.ParseId(request.ProjectId, "projectId");
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        if (!await ScalingStore.ProjectExistsAsync(connection, projectId, context.CancellationToken))
        {
            throw Resource.Project.NotFound(projectId);
        }

        var response = new V1.ListScalingProposalsResponse();
        response.Proposals.AddRange((await ScalingStore.ListAsync(connection, projectId, context.CancellationToken)).Select(ToContract));
        return response;
    }

    [AllowAnonymous]
    public override async Task<V1.ScalingProposal> GetScalingProposal(V1.GetScalingProposalRequest request, ServerCallContext context)
    {
        var (projectId, id) = ParseIds(request.ProjectId, request.Id);
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var proposal = await ScalingStore.FindAsync(connection, projectId, id, context.CancellationToken);
        return ToContract(proposal ?? throw Resource.ScalingProposal.NotFound(id));
    }

    [Authorize(Policy = InventoryPolicies.ScalingDecide)]
    public override async Task<V1.ScalingProposal> DecideScaling(V1.DecideScalingRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var (projectId, id) = ParseIds(request.ProjectId, request.Id);
        var violations = new FieldViolations();
        // "Not in the future" as the board sees its calendar: a decision taken tonight in Schiedam carries today's Dutch date.
        var decided = ScalingValidator.ValidateDecision(request, DutchTime.Today(time), violations);
        violations.ThrowIfAny();
        var (decision, decidedOn, reason) = decided!.Value;

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        // Lock order project → proposal, the same as ProposeScaling, so the two never deadlock.
        var project = await ScalingStore.LockProjectAsync(tx, projectId, ct) ?? throw Resource.ScalingProposal.NotFound(id);
        var proposal = await ScalingStore.LockAsync(tx, projectId, id, ct) ?? throw Resource.ScalingProposal.NotFound(id);
        if (proposal.Decision is { } earlier)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"Over dit voorstel is al besloten ({ScalingRules.Dutch(earlier)} op {proposal.DecidedOn:yyyy-MM-dd}); dien zo nodig een nieuw voorstel in."));
        }

        var now = StoredTime.Now(time);
        // A project someone already marked scaled keeps its version: nothing changes, so no status event either.
        if (ScalingRules.StatusAfter(decision) is { } newStatus && newStatus != project.Status)
        {
            if (project.Archived || !StatusTransitions.IsAllowed(project.Status, newStatus))
            {
                throw new RpcException(new Status(StatusCode.FailedPrecondition,
                    $"Het project heeft nu status '{Labels.Dutch(project.Status)}'{(project.Archived ? " en is gearchiveerd" : "")}; " +
                    "het kan niet worden opgeschaald."));
            }

            var version = await ScalingStore.SetProjectStatusAsync(tx, projectId, newStatus, now, ct);
            await Outbox.EnqueueAsync(tx, new ProjectUpdated(projectId, version, ["status"]), projectId.ToString(), version, ct);
            await Outbox.EnqueueAsync(tx, new ProjectStatusChanged(projectId, project.Status.ToString(), newStatus.ToString()),
                projectId.ToString(), version, ct);
        }

        var result = proposal with { Decision = decision, DecidedOn = decidedOn, Reason = reason, DecidedAt = now };
        await ScalingStore.RecordDecisionAsync(tx, result, ct);
        await Outbox.EnqueueAsync(tx, new ScalingDecided(projectId, id, decision.ToString(), decidedOn, proposal.Assessment.Costs), ct);
        await tx.CommitAsync(ct);
        return ToContract(result);
    }

    private static (Guid ProjectId, Guid Id) ParseIds(string projectId, string id)
    {
        var violations = new FieldViolations();
        var project = Resource.Project.ParseId(projectId, "projectId", violations);
        var proposal = Resource.ScalingProposal.ParseId(id, "id", violations);
        violations.ThrowIfAny();
        return (project!.Value, proposal!.Value);
    }

    private static V1.ScalingProposal ToContract(StoredScalingProposal p)
    {
        var message = new V1.ScalingProposal
        {
            Id = p.Id.ToString(),
            ProjectId = p.ProjectId.ToString(),
            Assessment = new V1.TransferabilityAssessment
            {
                Results = p.Assessment.Results,
                Costs = Budget.Format(p.Assessment.Costs),
                Conditions = p.Assessment.Conditions,
                ProposedBy = p.Assessment.ProposedBy,
            },
            Decision = InventoryEnums.ScalingDecisions.ToContract(p.Decision),
            DecidedOn = p.DecidedOn?.ToString("yyyy-MM-dd") ?? "",
            Reason = p.Reason ?? "",
            ProposedAt = Timestamp.FromDateTimeOffset(p.ProposedAt),
            DecidedAt = p.DecidedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        };
        message.Assessment.Municipalities.AddRange(p.Assessment.Municipalities);
        return message;
    }
}
