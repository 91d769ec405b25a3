namespace Llo.Inventory.Domain.Projects;

/// <summary>What an organisation does in a project; numeric values equal the contract's enum values.</summary>
public enum PartnerRole
{
    Lead = 1,
    Partner = 2,
    Funder = 3,
}
