using Llo.Hosting.Access;

namespace Llo.Inventory.Api.Access;

/// <summary>
/// The inventory's policy names, declared once in <see cref="InventoryApi"/> and named by each endpoint. Reads of the
/// public inventory (projects, agenda, blind spots, overlap check) and submitting a desk question are anonymous.
/// </summary>
internal static class InventoryPolicies
{
    /// <summary>Registering and changing projects (and proposing one for scaling); the object check adds "own organisation".</summary>
    public const string ProjectsWrite = "projects.write";

    /// <summary>Publishing and changing agenda items; the object check adds "own organisation".</summary>
    public const string AgendaWrite = "agenda.write";

    /// <summary>The LLO-desk's inbox: reading a question with its contact, assigning, answering, closing.</summary>
    public const string DeskInbox = "desk.inbox";

    /// <summary>The board's scaling decision, taken by the programme manager.</summary>
    public const string ScalingDecide = "scaling.decide";

    public const string WriteScope = "inventory.write";

    /// <summary>The programme's own staff: they handle the desk and change programme-owned projects and agenda items.</summary>
    public static readonly string[] ProgrammeStaff = [LloRoles.ProgrammeManager, LloRoles.ProjectLeader];

    /// <summary>Who edits the inventory for an organisation: its partner editor, or programme staff.</summary>
    public static readonly string[] Editors = [LloRoles.PartnerEditor, LloRoles.ProjectLeader, LloRoles.ProgrammeManager];
}
