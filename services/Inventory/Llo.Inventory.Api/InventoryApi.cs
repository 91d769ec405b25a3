using Llo.Contracts.Inventory.V1;
using Llo.Hosting;
using Llo.Hosting.Access;
using Llo.Inventory.Api.Access;

namespace Llo.Inventory.Api;

/// <summary>
/// The inventory's API as the kit hosts it. The required fields are those the validators refuse to do without;
/// the OpenAPI document marks them, because proto3 has no way to say so. The policies are the only ones the endpoints
/// may name; partner systems (client credentials) write projects and agenda items with the scope inventory.write.
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
        .Require(DecideScalingRequest.Descriptor, "decision", "decided_on")
        .Policy(InventoryPolicies.ProjectsWrite, roles: InventoryPolicies.Editors, scope: InventoryPolicies.WriteScope)
        .Policy(InventoryPolicies.AgendaWrite, roles: InventoryPolicies.Editors, scope: InventoryPolicies.WriteScope)
        .Policy(InventoryPolicies.DeskInbox, roles: InventoryPolicies.ProgrammeStaff)
        .Policy(InventoryPolicies.ScalingDecide, roles: [LloRoles.ProgrammeManager]);
}
