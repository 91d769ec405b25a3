namespace Llo.Inventory.Domain.Projects;

/// <summary>The plan's four themes up to 2026; numeric values equal the contract's enum values.</summary>
public enum Theme
{
    Collaboration = 1,
    ContinuousLearningLines = 2,
    KnowledgeSharing = 3,
    Organisation = 4,
}
