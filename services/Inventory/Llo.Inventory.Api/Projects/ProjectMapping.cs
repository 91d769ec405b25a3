using Google.Protobuf.WellKnownTypes;
using Llo.Inventory.Api.Validation;
using Llo.Inventory.Domain.Projects;
using Contract = Llo.Contracts.Inventory.V1;

namespace Llo.Inventory.Api.Projects;

/// <summary>Between stored projects and the contract's messages.</summary>
public static class ProjectMapping
{
    public static Contract.Project ToContract(this StoredProject project) => new()
    {
        Id = project.Id.ToString(),
        Fields = project.Data.ToContract(),
        Version = project.Version,
        Archived = project.Archived,
        CreatedAt = Timestamp.FromDateTimeOffset(project.CreatedAt),
        UpdatedAt = Timestamp.FromDateTimeOffset(project.UpdatedAt),
    };

    public static Contract.ProjectFields ToContract(this ProjectData d)
    {
        var fields = new Contract.ProjectFields
        {
            Title = d.Title,
            Summary = d.Summary,
            Description = d.Description,
            FocusLines = { d.FocusLines.Select(f => InventoryEnums.FocusLines.ToContract(f)) },
            Themes = { d.Themes.Select(t => InventoryEnums.Themes.ToContract(t)) },
            Sectors = { d.Sectors },
            TargetGroups = { d.TargetGroups },
            Campus = d.Campus ?? "",
            Municipalities = { d.Municipalities },
            Partners = { d.Partners.Select(p => new Contract.ProjectPartner { Organisation = p.Organisation, Role = InventoryEnums.PartnerRoles.ToContract(p.Role) }) },
            Status = InventoryEnums.ProjectStatuses.ToContract(d.Status),
            StartDate = d.StartDate is { } start ? IsoDate.Format(start) : "",
            EndDate = d.EndDate is { } end ? IsoDate.Format(end) : "",
            BudgetEstimate = d.BudgetEstimate is { } budget ? Budget.Format(budget) : "",
            Results = d.Results,
            LessonsLearned = d.LessonsLearned,
            Links = { d.Links.Select(l => new Contract.ProjectLink { Title = l.Title, Url = l.Url }) },
        };
        if (d.Contact is { } contact)
        {
            // A person is only ever shown with their consent (and is only stored with it).
            var shown = contact.Consent ? contact : contact.WithoutPerson();
            fields.Contact = new Contract.ProjectContact
            {
                Organisation = shown.Organisation,
                Role = shown.Role,
                Consent = shown.Consent,
                Name = shown.Name ?? "",
                Email = shown.Email ?? "",
                Phone = shown.Phone ?? "",
            };
        }

        return fields;
    }
}
