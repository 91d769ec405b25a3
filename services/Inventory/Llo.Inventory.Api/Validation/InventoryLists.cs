using Llo.Contracts.Inventory.V1;

namespace Llo.Inventory.Api.Validation;

/// <summary>
/// The upper bound of every list a caller can send the inventory, declared once per repeated field. A test walks
/// every request message of the contract and fails on a repeated field missing here. Lists of enum values and
/// municipalities allow repeats (they are removed), so their bound leaves room above the number of values.
/// </summary>
public static class InventoryLists
{
    public static readonly ListBound FocusLines = ListBound.Of(ProjectFields.Descriptor, "focus_lines", 10, "focuslijnen");
    public static readonly ListBound Themes = ListBound.Of(ProjectFields.Descriptor, "themes", 10, "thema's");
    public static readonly ListBound Sectors = ListBound.Of(ProjectFields.Descriptor, "sectors", 20, "sectoren");
    public static readonly ListBound TargetGroups = ListBound.Of(ProjectFields.Descriptor, "target_groups", 20, "doelgroepen");
    public static readonly ListBound ProjectMunicipalities = ListBound.Of(ProjectFields.Descriptor, "municipalities", 10, "gemeenten");
    public static readonly ListBound Partners = ListBound.Of(ProjectFields.Descriptor, "partners", 50, "partners");
    public static readonly ListBound Links = ListBound.Of(ProjectFields.Descriptor, "links", 20, "links");
    public static readonly ListBound AgendaProjects = ListBound.Of(AgendaItemFields.Descriptor, "project_ids", 20, "gekoppelde projecten");
    public static readonly ListBound ScalingMunicipalities = ListBound.Of(TransferabilityAssessment.Descriptor, "municipalities", 10, "gemeenten");

    // UpdateMask.Apply refuses a mask with more paths than the message has fields; declared here so the walk finds it.
    public static readonly ListBound ProjectUpdateMask = ListBound.Of(
        UpdateProjectRequest.Descriptor, "update_mask", ProjectFields.Descriptor.Fields.InDeclarationOrder().Count, "velden");
    public static readonly ListBound AgendaUpdateMask = ListBound.Of(
        UpdateAgendaItemRequest.Descriptor, "update_mask", AgendaItemFields.Descriptor.Fields.InDeclarationOrder().Count, "velden");

    public static IReadOnlyList<ListBound> All { get; } =
    [
        FocusLines, Themes, Sectors, TargetGroups, ProjectMunicipalities, Partners, Links, AgendaProjects, ScalingMunicipalities,
        ProjectUpdateMask, AgendaUpdateMask,
    ];
}
