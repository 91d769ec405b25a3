using System.Globalization;
using Llo.Identity.Api.Consents;
using Llo.Messaging.Audit;
using Llo.Messaging.Privacy;

namespace Llo.Identity.Api.Audit;

/// <summary>
/// The audit entries of identity's own personal data: a user is named by their id; an invitee, who has no account yet,
/// by the invitation ("invitation/{id}"), never by the invited e-mail address; a person without an account in a privacy
/// request by the request ("privacy-request/{id}/subject").
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

    /// <summary>
    /// A login attempt reads the account it names: the outcome and the way in (<c>login-page</c>, <c>password-grant</c>).
    /// An address without an account names nobody; the typed address itself is never recorded.
    /// </summary>
    public static AuditEntry Login(Guid? userId, string outcome, string channel) =>
        new(AuditActions.Read, "login", userId?.ToString("D"), userId is { } id ? [id.ToString("D")] : [],
            new Dictionary<string, string> { ["outcome"] = outcome, ["channel"] = channel });

    /// <summary><c>/connect/userinfo</c> showed the user their own claims.</summary>
    public static AuditEntry UserInfo(Guid userId) =>
        new(AuditActions.Read, "user", userId.ToString("D"), [userId.ToString("D")],
            new Dictionary<string, string> { ["endpoint"] = "userinfo" });

    public static AuditEntry Consent(string action, StoredConsent consent) =>
        new(action, "consent", consent.ConsentId.ToString("D"), ConsentSubjects([consent]),
            new Dictionary<string, string> { ["purpose"] = consent.Purpose, ["relation"] = consent.Relation });

    /// <summary>A page of consents: everyone they are about and everyone who gave them.</summary>
    public static AuditEntry Consents(IReadOnlyCollection<StoredConsent> consents) =>
        new(AuditActions.Read, "consent", null, ConsentSubjects(consents));

    /// <summary>A service asked whether a person consented to a purpose, and learnt the answer.</summary>
    public static AuditEntry ConsentCheck(Guid personId, string purpose, Guid? consentId) =>
        new(AuditActions.Read, "consent", consentId?.ToString("D"), [personId.ToString("D")],
            new Dictionary<string, string> { ["purpose"] = purpose, ["granted"] = consentId is null ? "false" : "true", ["via"] = "check" });

    public static AuditEntry Guardianship(string action, Guid guardianshipId, Guid parentId, Guid childId) =>
        new(action, "guardianship", guardianshipId.ToString("D"), [parentId.ToString("D"), childId.ToString("D")]);

    public static AuditEntry Guardianships(IEnumerable<(Guid Parent, Guid Child)> links) =>
        new(AuditActions.Read, "guardianship", null, Subjects(links.SelectMany(l => new[] { l.Parent, l.Child })));

    /// <summary>Identity's own part of an export or erasure, or a request whose export document was shown.</summary>
    public static AuditEntry PrivacyRequest(string action, Guid requestId, Guid? userId, IReadOnlyDictionary<string, string>? details = null) =>
        new(action, PrivacyAudit.ResourceType, requestId.ToString("D"), [PrivacyAudit.Subject(requestId, userId)], details);

    /// <summary>A service's answer to a request, stored by identity (an export part holds the person's data).</summary>
    public static AuditEntry PrivacyAnswer(Guid requestId, Guid? userId, string service) =>
        PrivacyRequest(AuditActions.Create, requestId, userId, new Dictionary<string, string> { ["answerFrom"] = service });

    public static AuditEntry Organisation(Guid organisationId) =>
        new(AuditActions.Read, "organisation", organisationId.ToString("D"), []);

    public static AuditEntry Organisations(int count) =>
        new(AuditActions.Read, "organisation", null, [], Count(count));

    public static AuditEntry Clients(int count) =>
        new(AuditActions.Read, "client", null, [], Count(count));

    /// <summary>
    /// The privacy officer read a page of the audit log: the entries' range and, as subjects, the persons those entries
    /// name (at most <see cref="AuditIds.MaxSubjects"/>; <c>subjectsCut</c> says when more were shown).
    /// </summary>
    public static AuditEntry AuditLogRead(IReadOnlyList<StoredAuditEntry> page)
    {
        var subjects = page.SelectMany(e => e.SubjectIds).Distinct(StringComparer.Ordinal).ToList();
        var details = new Dictionary<string, string>
        {
            ["first"] = page.Min(e => e.Sequence).ToString(CultureInfo.InvariantCulture),
            ["last"] = page.Max(e => e.Sequence).ToString(CultureInfo.InvariantCulture),
            ["count"] = page.Count.ToString(CultureInfo.InvariantCulture),
        };
        if (subjects.Count > AuditIds.MaxSubjects)
        {
            details["subjectsCut"] = subjects.Count.ToString(CultureInfo.InvariantCulture);
        }

        return new(AuditActions.Read, "audit-entry", null, [.. subjects.Take(AuditIds.MaxSubjects)], details);
    }

    private static Dictionary<string, string> Count(int count) => new() { ["count"] = count.ToString(CultureInfo.InvariantCulture) };

    private static List<string> ConsentSubjects(IEnumerable<StoredConsent> consents) =>
        Subjects(consents.SelectMany(c => new[] { c.PersonId, c.GivenBy }));

    /// <summary>The persons, each once, as an entry names them.</summary>
    private static List<string> Subjects(IEnumerable<Guid> persons) => [.. persons.Distinct().Select(id => id.ToString("D"))];
}
