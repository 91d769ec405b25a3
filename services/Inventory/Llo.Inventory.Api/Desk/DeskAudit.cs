using Llo.Messaging.Audit;

namespace Llo.Inventory.Api.Desk;

/// <summary>
/// The audit entries of a desk question's contact person, named by the place the inventory keeps them
/// ("desk-question/{id}/contact"), never by name, e-mail address or phone number.
/// </summary>
internal static class DeskAudit
{
    public static string ContactSubject(Guid questionId) => $"desk-question/{questionId:D}/contact";

    /// <summary>The entry for <paramref name="action"/> on a question with a contact person; null without one.</summary>
    public static AuditEntry? Contact(string action, StoredDeskQuestion question, string? step = null) =>
        question.Submission.Contact is null
            ? null
            : new AuditEntry(action, "desk-question", question.Id.ToString("D"), [ContactSubject(question.Id)],
                step is null ? null : new Dictionary<string, string> { ["status"] = step });
}
