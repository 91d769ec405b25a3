using Llo.Messaging.Audit;
using Contract = Llo.Contracts.Inventory.V1;

namespace Llo.Inventory.Api.Projects;

/// <summary>
/// The audit entries of a project's contact person. The person has no account here, so the entry names the place
/// the inventory keeps them ("project/{id}/contact"), never their name, e-mail address or phone number.
/// </summary>
internal static class ProjectAudit
{
    public const string ResourceType = "project";

    public static string ContactSubject(Guid projectId) => $"project/{projectId:D}/contact";

    /// <summary>True when the project stores a contact person (with consent), not only an organisation and role.</summary>
    public static bool HasPerson(StoredProject project) =>
        project.Data.Contact is { Consent: true } contact && (contact.Name ?? contact.Email ?? contact.Phone) is not null;

    /// <summary>The subjects of the projects in an answer that show their contact person.</summary>
    public static List<string> ShownContacts(IEnumerable<Contract.Project> answer) =>
    [
        .. answer.Where(p => p.Fields?.Contact is { } c && (c.Name.Length > 0 || c.Email.Length > 0 || c.Phone.Length > 0))
            .Select(p => ContactSubject(Guid.Parse(p.Id))),
    ];

    /// <summary>A read of the contact persons shown in <paramref name="answer"/>; null when it shows none.</summary>
    public static AuditEntry? Read(IReadOnlyCollection<Contract.Project> answer)
    {
        var subjects = ShownContacts(answer);
        if (subjects.Count == 0) return null;
        return new AuditEntry(AuditActions.Read, ResourceType, answer.Count == 1 ? answer.First().Id : null, subjects);
    }

    /// <summary>
    /// The entry of a write: create/update when it set or changed a contact person, else a read when its answer shows
    /// one, else none.
    /// </summary>
    public static AuditEntry? Written(string action, StoredProject? before, StoredProject after, IReadOnlyCollection<string> changed, Contract.Project answer)
    {
        var contactWritten = (before is null || changed.Contains("contact")) && (HasPerson(after) || (before is not null && HasPerson(before)));
        return contactWritten
            ? new AuditEntry(action, ResourceType, after.Id.ToString("D"), [ContactSubject(after.Id)],
                new Dictionary<string, string> { ["changed"] = "contact" })
            : Read([answer]);
    }
}
