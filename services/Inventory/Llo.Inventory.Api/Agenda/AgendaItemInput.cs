using Llo.Inventory.Api.Validation;
using Llo.Inventory.Domain.Agenda;
using Llo.Inventory.Domain.Projects;
using V1 = Llo.Contracts.Inventory.V1;

namespace Llo.Inventory.Api.Agenda;

/// <summary>A validated agenda item, ready to store.</summary>
public sealed record AgendaItemInput(
    string Title,
    DateOnly Date,
    TimeOnly Start,
    TimeOnly End,
    string Place,
    string Organiser,
    string Topic,
    string Description,
    IReadOnlyList<Guid> ProjectIds,
    FocusLine? FocusLine,
    string? Municipality,
    bool Public)
{
    public V1.AgendaItemFields ToContract()
    {
        var fields = new V1.AgendaItemFields
        {
            Title = Title,
            Date = IsoDate.Format(Date),
            StartTime = AgendaTimes.Format(Start),
            EndTime = AgendaTimes.Format(End),
            Place = Place,
            Organiser = Organiser,
            Topic = Topic,
            Description = Description,
            FocusLine = InventoryEnums.FocusLines.ToContract(FocusLine),
            Municipality = Municipality ?? "",
            Public = Public,
        };
        fields.ProjectIds.AddRange(ProjectIds.Select(id => id.ToString()));
        return fields;
    }
}
