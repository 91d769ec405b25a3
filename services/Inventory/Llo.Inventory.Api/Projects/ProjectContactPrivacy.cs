using Llo.Hosting.Access;
using Llo.Inventory.Api.Access;
using Contract = Llo.Contracts.Inventory.V1;

namespace Llo.Inventory.Api.Projects;

/// <summary>
/// A project as a caller may see it: the contact person's name, e-mail and phone only for programme staff and the
/// owning organisation; everyone else (anonymous callers too) sees the contact's organisation and role.
/// </summary>
internal static class ProjectContactPrivacy
{
    public static Contract.Project ToContractFor(this StoredProject project, Caller caller)
    {
        var message = project.ToContract();
        if (message.Fields.Contact is { } contact && !caller.MaySeeContact(project.Owner))
        {
            contact.Name = "";
            contact.Email = "";
            contact.Phone = "";
        }

        return message;
    }
}
