namespace Llo.Inventory.Domain.Projects;

/// <summary>The Dutch names people see, in one place.</summary>
public static class Labels
{
    public static string Dutch(FocusLine focusLine) => focusLine switch
    {
        FocusLine.SchoolToWork => "School naar Werk",
        FocusLine.WorkToWork => "Werk naar Werk",
        FocusLine.HomeToWork => "Huis naar Werk",
        _ => focusLine.ToString(),
    };

    public static string Dutch(Theme theme) => theme switch
    {
        Theme.Collaboration => "Samenwerking/opschaling/versterking",
        Theme.ContinuousLearningLines => "Doorlopende leerlijnen",
        Theme.KnowledgeSharing => "Kennisdeling en openstellen agenda's",
        Theme.Organisation => "Organisatie",
        _ => theme.ToString(),
    };

    public static string Dutch(ProjectStatus status) => status switch
    {
        ProjectStatus.Idea => "idee",
        ProjectStatus.Pilot => "pilot",
        ProjectStatus.Running => "lopend",
        ProjectStatus.Scaled => "opgeschaald",
        ProjectStatus.Finished => "afgerond",
        ProjectStatus.Stopped => "gestopt",
        _ => status.ToString(),
    };

    public static string Dutch(PartnerRole role) => role switch
    {
        PartnerRole.Lead => "penvoerder",
        PartnerRole.Partner => "partner",
        PartnerRole.Funder => "financier",
        _ => role.ToString(),
    };
}
