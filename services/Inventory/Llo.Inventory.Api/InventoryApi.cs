using Llo.Contracts.Inventory.V1;
using Llo.Hosting;

namespace Llo.Inventory.Api;

/// <summary>
/// The inventory's API as the kit hosts it. The required fields are those the validators refuse to do without;
/// the OpenAPI document marks them, because proto3 has no way to say so.
/// </summary>
internal static class InventoryApi
{
    public static LloApi Definition => new LloApi("inventory", "Llo inventory")
        .Require(ProjectFields.Descriptor, "title", "status")
        .Require(ProjectPartner.Descriptor, "organisation")
        .Require(ProjectLink.Descriptor, "title")
        .Require(AgendaItemFields.Descriptor, "title", "date", "start_time", "end_time", "place", "organiser")
        .Require(DeskQuestionSubmission.Descriptor, "topic", "question")
        .Require(AnswerDeskQuestionRequest.Descriptor, "answer")
        .Require(TransferabilityAssessment.Descriptor, "results", "costs", "conditions", "proposed_by")
        .Require(DecideScalingRequest.Descriptor, "decision", "decided_on");
}
