using Llo.Messaging.Audit;

namespace Llo.Identity.Api.Audit;

/// <summary>
/// The audit entries of identity's own personal data: a user is named by their id; an invitee, who has no account yet,
/// by the invitation ("invitation/{id}"), never by the invited e-mail address.
/// </summary>
public static class IdentityAudit
{
    public static string InvitationSubject(Guid invitationId) => $"invitation/{invitationId:D}";

    public static AuditEntry User(string action, Guid userId, string? changed = null) =>
        new(action, "user", userId.ToString("D"), [userId.ToString("D")],
            changed is null ? null : new Dictionary<string, string> { ["changed"] = changed });

    public static AuditEntry Users(IEnumerable<Guid> userIds) =>
        new(AuditActions.Read, "user", null, [.. userIds.Select(id => id.ToString("D"))]);

    public static AuditEntry Invitation(string action, Guid invitationId) =>
        new(action, "invitation", invitationId.ToString("D"), [InvitationSubject(invitationId)]);

    public static AuditEntry Invitations(IEnumerable<Guid> invitationIds) =>
        new(AuditActions.Read, "invitation", null, [.. invitationIds.Select(InvitationSubject)]);

    public static AuditEntry AcceptedInvitation(Guid userId, Guid invitationId) =>
        new(AuditActions.Create, "user", userId.ToString("D"), [userId.ToString("D"), InvitationSubject(invitationId)],
            new Dictionary<string, string> { ["invitation"] = invitationId.ToString("D") });
}
