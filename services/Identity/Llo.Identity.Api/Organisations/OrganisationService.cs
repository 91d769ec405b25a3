using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Llo.Hosting.Access;
using Llo.Identity.Api.Access;
using Llo.Identity.Api.Audit;
using Llo.Messaging.Audit;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using V1 = Llo.Contracts.Identity.V1;

namespace Llo.Identity.Api.Organisations;

/// <summary>
/// Organisations: operators register them; every identity reader lists and reads them (names only). A name can name a
/// person (a one-person business), so reads are audited, without subjects.
/// </summary>
public sealed class OrganisationService(NpgsqlDataSource dataSource, OrganisationStore organisations, AuditTrail audit, TimeProvider time)
    : V1.OrganisationService.OrganisationServiceBase
{
    public static readonly Resource Organisation = new("Organisatie", "de", "organisatie-id");
    private static readonly PageLimits Limits = new(Default: 50, Max: 200);

    [Authorize(Policy = IdentityPolicies.Operator)]
    public override async Task<V1.Organisation> CreateOrganisation(V1.CreateOrganisationRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var violations = new FieldViolations();
        var name = TextField.Check(request.Organisation?.Name ?? "", "organisation.name", "De naam", 200, required: true, violations);
        violations.ThrowIfAny();

        var now = StoredTime.Now(time);
        var organisation = new StoredOrganisation(Guid.CreateVersion7(), name, 1, now, now);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (!await OrganisationStore.InsertAsync(tx, organisation, ct))
        {
            throw new RpcException(new Status(StatusCode.AlreadyExists, $"Er is al een organisatie met de naam \"{Echo.Of(name)}\"."));
        }

        await tx.CommitAsync(ct);
        return ToContract(organisation);
    }

    [Authorize(Policy = IdentityPolicies.Reader)]
    public override async Task<V1.Organisation> GetOrganisation(V1.GetOrganisationRequest request, ServerCallContext context)
    {
        var id = Organisation.ParseId(request.Id);
        var organisation = await organisations.FindAsync(id, context.CancellationToken) ?? throw Organisation.NotFound(id);
        await audit.RecordReadAsync(context.Caller(), IdentityAudit.Organisation(id), context.CancellationToken);
        return ToContract(organisation);
    }

    [Authorize(Policy = IdentityPolicies.Reader)]
    public override async Task<V1.ListOrganisationsResponse> ListOrganisations(V1.ListOrganisationsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = Page.Parse(request.PageSize, request.PageToken, Limits, violations);
        violations.ThrowIfAny();
        var result = await organisations.ListAsync(page, context.CancellationToken);
        if (result.Rows.Count > 0)
        {
            await audit.RecordReadAsync(context.Caller(), IdentityAudit.Organisations(result.Rows.Count), context.CancellationToken);
        }

        var response = new V1.ListOrganisationsResponse { TotalSize = result.Total, NextPageToken = page.NextToken(result.Rows.Count, result.Total) };
        response.Organisations.AddRange(result.Rows.Select(ToContract));
        return response;
    }

    private static V1.Organisation ToContract(StoredOrganisation organisation) => new()
    {
        Id = organisation.OrganisationId.ToString("D"),
        Fields = new V1.OrganisationFields { Name = organisation.Name },
        Version = organisation.Version,
        CreatedAt = Timestamp.FromDateTimeOffset(organisation.CreatedAt),
    };
}
