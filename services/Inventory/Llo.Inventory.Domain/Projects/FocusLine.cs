namespace Llo.Inventory.Domain.Projects;

/// <summary>The plan's three focus lines; numeric values equal the contract's enum values.</summary>
public enum FocusLine
{
    SchoolToWork = 1,
    WorkToWork = 2,
    HomeToWork = 3,
}
