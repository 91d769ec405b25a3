namespace Llo.Messaging.Audit;

/// <summary>
/// What a service tells the audit log about one read or write of personal data; <see cref="AuditTrail"/> adds who,
/// when, where and the correlation id. Ids and codes only (<see cref="AuditIds"/> refuses anything else).
/// </summary>
/// <param name="Action">One of <see cref="AuditActions"/>.</param>
/// <param name="ResourceType">What was read or changed, lower-case and hyphenated ("project", "desk-question").</param>
/// <param name="ResourceId">Its id; null for a list.</param>
/// <param name="SubjectIds">Opaque ids of the persons concerned: a user id, or the place a service keeps a person
/// without an account ("project/{id}/contact"); never a name or an e-mail address.</param>
/// <param name="Details">A few ids or codes (at most <see cref="AuditIds.MaxDetails"/>); no personal data.</param>
public sealed record AuditEntry(
    string Action,
    string ResourceType,
    string? ResourceId,
    IReadOnlyList<string> SubjectIds,
    IReadOnlyDictionary<string, string>? Details = null);
