using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Llo.Identity.Api.Access;
using Llo.Hosting.Access;
using Llo.Identity.Api.Audit;
using Llo.Messaging.Audit;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using V1 = Llo.Contracts.Identity.V1;

namespace Llo.Identity.Api.Accounts;

/// <summary>The users of the caller's organisation, for its administrators: read them and assign roles.</summary>
[Authorize(Policy = IdentityPolicies.Administrator)]
public sealed class UserService(NpgsqlDataSource dataSource, UserStore users, AuditTrail audit, TimeProvider time) : V1.UserService.UserServiceBase
{
    public static readonly Resource User = new("Gebruiker", "de", "gebruiker-id");
    private static readonly PageLimits Limits = new(Default: 50, Max: 200);

    public override async Task<V1.User> GetUser(V1.GetUserRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        caller.RequireOrganisation();
        var id = User.ParseId(request.Id);
        var user = await users.FindAsync(id, context.CancellationToken) ?? throw User.NotFound(id);
        caller.RequireActsFor(user.OrganisationId, "deze gebruiker");
        await audit.RecordReadAsync(caller, IdentityAudit.User(AuditActions.Read, user.UserId), context.CancellationToken);
        return ToContract(user);
    }

    public override async Task<V1.ListUsersResponse> ListUsers(V1.ListUsersRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var organisation = caller.RequireOrganisation();
        var violations = new FieldViolations();
        var page = Page.Parse(request.PageSize, request.PageToken, Limits, violations);
        violations.ThrowIfAny();
        var result = await users.ListAsync(organisation, page, context.CancellationToken);
        if (result.Rows.Count > 0)
        {
            await audit.RecordReadAsync(caller, IdentityAudit.Users(result.Rows.Select(u => u.UserId)), context.CancellationToken);
        }

        var response = new V1.ListUsersResponse { TotalSize = result.Total, NextPageToken = page.NextToken(result.Rows.Count, result.Total) };
        response.Users.AddRange(result.Rows.Select(ToContract));
        return response;
    }

    public override async Task<V1.User> AssignRoles(V1.AssignRolesRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var caller = context.Caller();
        caller.RequireOrganisation();
        var violations = new FieldViolations();
        var id = User.ParseId(request.Id, "id", violations);
        var roles = RoleList.Check(request.Roles, "roles", violations);
        if (request.Version < 1)
        {
            violations.Add("version", "Geef de versie mee zoals u de gebruiker las (version, vanaf 1).");
        }

        violations.ThrowIfAny();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var current = await UserStore.LockAsync(tx, id!.Value, ct) ?? throw User.NotFound(id.Value);
        caller.RequireActsFor(current.OrganisationId, "deze gebruiker");
        if (current.Version != request.Version)
        {
            throw User.Stale(request.Version, current.Version);
        }

        if (current.Roles.Order().SequenceEqual(roles.Order()))
        {
            // Nothing changed: the version stays, but the answer still shows the user.
            await audit.RecordAsync(tx, caller, IdentityAudit.User(AuditActions.Read, current.UserId), ct);
            await tx.CommitAsync(ct);
            return ToContract(current);
        }

        var updated = current with { Roles = roles, Version = current.Version + 1, UpdatedAt = StoredTime.Now(time) };
        await UserStore.UpdateRolesAsync(tx, updated, ct);
        await audit.RecordAsync(tx, caller, IdentityAudit.User(AuditActions.Update, updated.UserId, "roles"), ct);
        await tx.CommitAsync(ct);
        return ToContract(updated);
    }

    private V1.User ToContract(StoredUser user)
    {
        var contract = new V1.User
        {
            Id = user.UserId.ToString("D"),
            OrganisationId = user.OrganisationId.ToString("D"),
            Email = user.Email,
            DisplayName = user.DisplayName,
            Locked = user.LockedUntil > time.GetUtcNow(),
            Version = user.Version,
            CreatedAt = Timestamp.FromDateTimeOffset(user.CreatedAt),
        };
        contract.Roles.AddRange(user.Roles);
        return contract;
    }
}
