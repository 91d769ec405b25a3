using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Llo.Identity.Api.Access;
using Llo.Hosting.Access;
using Llo.Identity.Api.Audit;
using Llo.Messaging.Audit;
using Llo.Identity.Api.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using V1 = Llo.Contracts.Identity.V1;

namespace Llo.Identity.Api.Invitations;

/// <summary>
/// Administrators invite an address with roles into their own organisation; the invited person accepts with the link
/// token and a password, which creates the account. Creating answers the same whether or not the address has an
/// account already, so the API does not reveal who has one.
/// </summary>
[Authorize(Policy = IdentityPolicies.Administrator)]
public sealed class InvitationService(
    NpgsqlDataSource dataSource, InvitationStore invitations, PasswordHasher<StoredUser> hasher, AuditTrail audit, TimeProvider time)
    : V1.InvitationService.InvitationServiceBase
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(7);
    public const int MinimumPasswordLength = 12;
    private static readonly PageLimits Limits = new(Default: 50, Max: 200);

    public override async Task<V1.CreatedInvitation> CreateInvitation(V1.CreateInvitationRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var caller = context.Caller();
        var organisation = caller.RequireOrganisation();
        var violations = new FieldViolations();
        if (request.Invitation is null)
        {
            violations.Add("invitation", "De uitnodiging ontbreekt.").ThrowIfAny();
        }

        var email = TextField.Check(request.Invitation!.Email, "invitation.email", "Het e-mailadres", EmailAddress.MaxLength, required: true, violations);
        if (email.Length > 0 && !EmailAddress.IsValid(email))
        {
            violations.Add("invitation.email", EmailAddress.Invalid);
        }

        var roles = RoleList.Check(request.Invitation.Roles, "invitation.roles", violations);
        violations.ThrowIfAny();

        var now = StoredTime.Now(time);
        var invitation = new StoredInvitation
        {
            InvitationId = Guid.CreateVersion7(), OrganisationId = organisation, Email = email, Roles = roles,
            CreatedAt = now, ExpiresAt = now + ValidFor,
        };
        var token = InvitationToken.New();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await InvitationStore.InsertAsync(tx, invitation, InvitationToken.Hash(token), caller.Subject ?? "", ct);
        await audit.RecordAsync(tx, caller, IdentityAudit.Invitation(AuditActions.Create, invitation.InvitationId), ct);
        await tx.CommitAsync(ct);
        return new V1.CreatedInvitation { Invitation = ToContract(invitation), Token = token };
    }

    public override async Task<V1.ListInvitationsResponse> ListInvitations(V1.ListInvitationsRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var organisation = caller.RequireOrganisation();
        var violations = new FieldViolations();
        var page = Page.Parse(request.PageSize, request.PageToken, Limits, violations);
        violations.ThrowIfAny();
        var result = await invitations.ListAsync(organisation, page, context.CancellationToken);
        if (result.Rows.Count > 0)
        {
            await audit.RecordReadAsync(caller, IdentityAudit.Invitations(result.Rows.Select(i => i.InvitationId)), context.CancellationToken);
        }

        var response = new V1.ListInvitationsResponse { TotalSize = result.Total, NextPageToken = page.NextToken(result.Rows.Count, result.Total) };
        response.Invitations.AddRange(result.Rows.Select(ToContract));
        return response;
    }

    [AllowAnonymous]
    public override async Task<V1.AcceptedInvitation> AcceptInvitation(V1.AcceptInvitationRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var violations = new FieldViolations();
        var token = request.Token.Trim();
        if (!InvitationToken.LooksValid(token))
        {
            violations.Add("token", "Deze uitnodigingslink is onvolledig of ongeldig; kopieer de hele link uit de uitnodiging.");
        }

        var displayName = TextField.Check(request.DisplayName, "displayName", "Uw naam", 200, required: true, violations);
        if (request.Password.Length < MinimumPasswordLength)
        {
            violations.Add("password", $"Kies een wachtwoord van minstens {MinimumPasswordLength} tekens.");
        }

        violations.ThrowIfAny();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var invitation = await InvitationStore.LockByTokenAsync(tx, InvitationToken.Hash(token), ct);
        var now = StoredTime.Now(time);
        if (invitation is null)
        {
            throw new RpcException(new Status(StatusCode.NotFound,
                "Deze uitnodigingslink bestaat niet; kopieer de hele link uit de uitnodiging of vraag om een nieuwe."));
        }

        if (invitation.AcceptedAt is not null)
        {
            throw Refused("Deze uitnodiging is al gebruikt. Log in met uw e-mailadres en wachtwoord.");
        }

        if (invitation.ExpiresAt <= now)
        {
            throw Refused("Deze uitnodiging is verlopen (een uitnodiging geldt 7 dagen). Vraag de beheerder van uw organisatie om een nieuwe.");
        }

        var user = new StoredUser
        {
            UserId = Guid.CreateVersion7(), OrganisationId = invitation.OrganisationId, Email = invitation.Email,
            DisplayName = displayName, Roles = invitation.Roles, Version = 1, CreatedAt = now, UpdatedAt = now,
        };
        user = user with { PasswordHash = hasher.HashPassword(user, request.Password) };
        if (!await UserStore.InsertAsync(tx, user, ct))
        {
            throw Refused("Voor dit e-mailadres bestaat al een account. Log daarmee in, of vraag de beheerder van uw organisatie om hulp.");
        }

        await InvitationStore.MarkAcceptedAsync(tx, invitation.InvitationId, user.UserId, now, ct);
        // The person is not logged in yet: the entry names no actor, the new account as its subject.
        await audit.RecordAsync(tx, Caller.Anonymous, IdentityAudit.AcceptedInvitation(user.UserId, invitation.InvitationId), ct);
        await tx.CommitAsync(ct);
        return new V1.AcceptedInvitation { UserId = user.UserId.ToString("D"), OrganisationId = user.OrganisationId.ToString("D") };
    }

    private static RpcException Refused(string message) => new(new Status(StatusCode.FailedPrecondition, message));

    private static V1.Invitation ToContract(StoredInvitation invitation)
    {
        var contract = new V1.Invitation
        {
            Id = invitation.InvitationId.ToString("D"),
            OrganisationId = invitation.OrganisationId.ToString("D"),
            Fields = new V1.InvitationFields { Email = invitation.Email },
            CreatedAt = Timestamp.FromDateTimeOffset(invitation.CreatedAt),
            ExpiresAt = Timestamp.FromDateTimeOffset(invitation.ExpiresAt),
            AcceptedAt = invitation.AcceptedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        };
        contract.Fields.Roles.AddRange(invitation.Roles);
        return contract;
    }
}
