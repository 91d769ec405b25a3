using Llo.Inventory.Domain.Desk;
using Llo.Inventory.Domain.Projects;
using Llo.Inventory.Domain.Scaling;
using Common = Llo.Contracts.Common.V1;
using V1 = Llo.Contracts.Inventory.V1;

namespace Llo.Inventory.Api.Validation;

/// <summary>Every contract enum the inventory uses, paired with its domain enum once (a test checks each pairing is complete).</summary>
public static class InventoryEnums
{
    public static readonly EnumMap<Common.FocusLine, FocusLine> FocusLines = new();
    public static readonly EnumMap<Common.Theme, Theme> Themes = new();
    public static readonly EnumMap<V1.ProjectStatus, ProjectStatus> ProjectStatuses = new();
    public static readonly EnumMap<V1.PartnerRole, PartnerRole> PartnerRoles = new();
    public static readonly EnumMap<V1.DeskQuestionStatus, DeskQuestionStatus> DeskQuestionStatuses = new();
    public static readonly EnumMap<V1.ScalingDecision, ScalingDecision> ScalingDecisions = new();
}
