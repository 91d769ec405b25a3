using Llo.Validation;

namespace Llo.Inventory.Api.Validation;

/// <summary>
/// The kinds of thing the inventory keeps, named in Dutch once. Written as static extensions of
/// <see cref="Resource"/> so a feature reads <c>Resource.Project.NotFound(id)</c>.
/// </summary>
public static class InventoryResources
{
    private static readonly Resource ProjectResource = new("Project", "het", "project-id");
    private static readonly Resource AgendaItemResource = new("Agendapunt", "het", "agendapunt-id");
    private static readonly Resource DeskQuestionResource = new("Vraag", "de", "vraag-id");
    private static readonly Resource ScalingProposalResource = new("Opschalingsvoorstel", "het", "voorstel-id", " bij dit project");

    extension(Resource)
    {
        public static Resource Project => ProjectResource;

        public static Resource AgendaItem => AgendaItemResource;

        public static Resource DeskQuestion => DeskQuestionResource;

        public static Resource ScalingProposal => ScalingProposalResource;
    }
}
