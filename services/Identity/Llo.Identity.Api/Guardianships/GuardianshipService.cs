using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Llo.Contracts.Events;
using Llo.Hosting.Access;
using Llo.Identity.Api.Access;
using Llo.Identity.Api.Accounts;
using Llo.Identity.Api.Audit;
using Llo.Messaging;
using Llo.Messaging.Audit;
using Llo.Persistence;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using V1 = Llo.Contracts.Identity.V1;

namespace Llo.Identity.Api.Guardianships;

/// <summary>
/// Who is a child's parent. An administrator or privacy-officer of the child's organisation links a parent (a user with
/// the role parent) to a child: a user of that organisation, or a person without an account, then filed under the
/// caller's organisation. A parent reads their own links; the consent registry accepts a parent's consent for a child
/// only with one.
/// </summary>
public sealed class GuardianshipService(
    NpgsqlDataSource dataSource, GuardianshipStore guardianships, UserStore users, AuditTrail audit, TimeProvider time)
    : V1.Guardianships.GuardianshipsBase
{
    public static readonly Resource Guardianship = new("Ouderschap", "het", "ouderschap-id");
    private static readonly Resource Person = new("Persoon", "de", "persoon-id");
    private static readonly PageLimits Limits = new(Default: 50, Max: 200);

    [Authorize(Policy = IdentityPolicies.GuardianshipWrite)]
    public override async Task<V1.Guardianship> CreateGuardianship(V1.CreateGuardianshipRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var caller = context.Caller();
        var organisation = caller.RequireOrganisation();
        var fields = request.Guardianship ?? new V1.GuardianshipFields();
        var violations = new FieldViolations();
        var parentId = Person.ParseId(fields.ParentId.Trim(), "guardianship.parentId", violations);
        var childId = Person.ParseId(fields.ChildId.Trim(), "guardianship.childId", violations);
        if (parentId is { } p && p == childId)
        {
            violations.Add("guardianship.childId", "Een ouder is niet zijn eigen kind: noem twee verschillende personen.");
        }

        violations.ThrowIfAny();
        // A child with an account belongs to its organisation: only that organisation's staff link a parent to it.
        var child = await users.FindAsync(childId!.Value, ct);
        if (child is not null)
        {
            caller.RequireActsFor(child.OrganisationId, "dit kind");
        }

        var parent = await users.FindActiveAsync(parentId!.Value, ct);
        if (parent is null)
        {
            violations.Add("guardianship.parentId", "Deze ouder heeft geen account: nodig de ouder eerst uit.").ThrowIfAny();
        }
        else if (!parent.Roles.Contains(LloRoles.Parent))
        {
            violations.Add("guardianship.parentId", "Deze gebruiker heeft de rol ouder (parent) niet.").ThrowIfAny();
        }

        var link = new StoredGuardianship
        {
            GuardianshipId = Guid.CreateVersion7(), ParentId = parentId.Value, ChildId = childId.Value,
            OrganisationId = child?.OrganisationId ?? organisation, CreatedAt = StoredTime.Now(time), Version = 1,
        };
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (!await GuardianshipStore.InsertAsync(tx, link, ct))
        {
            throw new RpcException(new Status(StatusCode.AlreadyExists, "Deze ouder is al aan dit kind gekoppeld."));
        }

        await Outbox.EnqueueAsync(tx, new GuardianshipCreated(link.GuardianshipId, link.ParentId, link.ChildId, link.OrganisationId),
            link.GuardianshipId.ToString(), link.Version, ct);
        await audit.RecordAsync(tx, caller, IdentityAudit.Guardianship(AuditActions.Create, link.GuardianshipId, link.ParentId, link.ChildId), ct);
        await tx.CommitAsync(ct);
        return ToContract(link);
    }

    [Authorize(Policy = IdentityPolicies.PersonRead)]
    public override async Task<V1.ListGuardianshipsResponse> ListGuardianships(V1.ListGuardianshipsRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var violations = new FieldViolations();
        var parentId = request.ParentId.Trim().Length == 0 ? null : Person.ParseId(request.ParentId.Trim(), "parentId", violations);
        var childId = request.ChildId.Trim().Length == 0 ? null : Person.ParseId(request.ChildId.Trim(), "childId", violations);
        var page = Page.Parse(request.PageSize, request.PageToken, Limits, violations, request.ParentId, request.ChildId);
        violations.ThrowIfAny();
        // Staff see their organisation's links; a parent only their own.
        ListPage<StoredGuardianship> result;
        if (KeepsLinks(caller))
        {
            result = await guardianships.ListAsync(caller.RequireOrganisation(), parentId, childId, page, context.CancellationToken);
        }
        else if (caller.UserId is { } self && (parentId is null || parentId == self))
        {
            result = await guardianships.ListAsync(null, self, childId, page, context.CancellationToken);
        }
        else
        {
            throw Caller.Denied("U ziet alleen uw eigen ouderschap; de beheerders van een organisatie zien dat van hun organisatie.");
        }

        if (result.Rows.Count > 0)
        {
            await audit.RecordReadAsync(caller, IdentityAudit.Guardianships(result.Rows.Select(l => (l.ParentId, l.ChildId))), context.CancellationToken);
        }

        var response = new V1.ListGuardianshipsResponse { TotalSize = result.Total, NextPageToken = page.NextToken(result.Rows.Count, result.Total) };
        response.Guardianships.AddRange(result.Rows.Select(ToContract));
        return response;
    }

    [Authorize(Policy = IdentityPolicies.PersonRead)]
    public override async Task<V1.Guardianship> GetGuardianship(V1.GetGuardianshipRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var id = Guardianship.ParseId(request.Id);
        var link = await guardianships.FindAsync(id, context.CancellationToken) ?? throw Guardianship.NotFound(id);
        if (!(KeepsLinks(caller) && caller.ActsFor(link.OrganisationId)) && caller.UserId != link.ParentId)
        {
            throw Caller.Denied("Dit ouderschap is niet van u en niet van uw organisatie.");
        }

        await audit.RecordReadAsync(caller, IdentityAudit.Guardianship(AuditActions.Read, link.GuardianshipId, link.ParentId, link.ChildId),
            context.CancellationToken);
        return ToContract(link);
    }

    [Authorize(Policy = IdentityPolicies.GuardianshipWrite)]
    public override async Task<Empty> DeleteGuardianship(V1.DeleteGuardianshipRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var caller = context.Caller();
        var id = Guardianship.ParseId(request.Id);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var link = await GuardianshipStore.LockAsync(tx, id, ct) ?? throw Guardianship.NotFound(id);
        caller.RequireActsFor(link.OrganisationId, "dit ouderschap");
        Guardianship.RequireVersionOrZero(request.Version);
        if (request.Version != 0 && request.Version != link.Version)
        {
            throw Guardianship.Stale(request.Version, link.Version);
        }

        await GuardianshipStore.DeleteAsync(tx, id, ct);
        await Outbox.EnqueueAsync(tx, new GuardianshipRemoved(link.GuardianshipId, link.ParentId, link.ChildId),
            link.GuardianshipId.ToString(), link.Version + 1, ct);
        await audit.RecordAsync(tx, caller, IdentityAudit.Guardianship(AuditActions.Delete, link.GuardianshipId, link.ParentId, link.ChildId), ct);
        await tx.CommitAsync(ct);
        return new Empty();
    }

    /// <summary>The roles that keep their organisation's links (the policy <see cref="IdentityPolicies.GuardianshipWrite"/>).</summary>
    private static bool KeepsLinks(Caller caller) => caller.HasAnyRole(IdentityPolicies.GuardianshipKeepers);

    private static V1.Guardianship ToContract(StoredGuardianship link) => new()
    {
        Id = link.GuardianshipId.ToString("D"),
        Fields = new V1.GuardianshipFields { ParentId = link.ParentId.ToString("D"), ChildId = link.ChildId.ToString("D") },
        OrganisationId = link.OrganisationId.ToString("D"),
        CreatedAt = Timestamp.FromDateTimeOffset(link.CreatedAt),
        Version = link.Version,
    };
}
