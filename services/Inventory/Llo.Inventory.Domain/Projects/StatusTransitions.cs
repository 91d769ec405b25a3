namespace Llo.Inventory.Domain.Projects;

/// <summary>
/// Which status changes make sense. A project moves forward (idea → pilot → running → scaled → finished) and may stop
/// at any point before it is finished; a stopped project may be picked up again as an idea, a finished one may run
/// again. Staying in the same status is always allowed. A project may be registered in any status, because the
/// inventory also records work that is already running or done (for its lessons learned).
/// </summary>
public static class StatusTransitions
{
    private static readonly Dictionary<ProjectStatus, ProjectStatus[]> Allowed = new()
    {
        [ProjectStatus.Idea] = [ProjectStatus.Pilot, ProjectStatus.Running, ProjectStatus.Stopped],
        [ProjectStatus.Pilot] = [ProjectStatus.Running, ProjectStatus.Scaled, ProjectStatus.Finished, ProjectStatus.Stopped],
        [ProjectStatus.Running] = [ProjectStatus.Scaled, ProjectStatus.Finished, ProjectStatus.Stopped],
        [ProjectStatus.Scaled] = [ProjectStatus.Finished, ProjectStatus.Stopped],
        [ProjectStatus.Finished] = [ProjectStatus.Running],
        [ProjectStatus.Stopped] = [ProjectStatus.Idea],
    };

    public static bool IsAllowed(ProjectStatus from, ProjectStatus to) =>
        from == to || (Allowed.TryGetValue(from, out var targets) && targets.Contains(to));

    public static IReadOnlyList<ProjectStatus> From(ProjectStatus from) =>
        Allowed.TryGetValue(from, out var targets) ? targets : [];
}
