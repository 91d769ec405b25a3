namespace Llo.Inventory.Domain.Projects;

/// <summary>Where a project is in its life; numeric values equal the contract's enum values.</summary>
public enum ProjectStatus
{
    Idea = 1,
    Pilot = 2,
    Running = 3,
    Scaled = 4,
    Finished = 5,
    Stopped = 6,
}
