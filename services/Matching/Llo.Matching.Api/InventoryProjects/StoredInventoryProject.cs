using Llo.Persistence;
using V1 = Llo.Contracts.Matching.V1;

namespace Llo.Matching.Api.InventoryProjects;

/// <summary>
/// An inventory project as <c>inventory_projects</c> holds it: its status by the inventory's domain name ("Running"),
/// the inventory's version, and the ESCO skills derived from its text.
/// </summary>
public sealed record StoredInventoryProject(Guid Id, string Title, string Status, bool Archived, IReadOnlyList<string> SkillUris, long Version,
    DateTimeOffset SyncedAt) : IVersioned
{
    /// <summary>The statuses in which a project is under way, so a worker can join it to learn: a pilot, running, or scaled up.</summary>
    public static readonly IReadOnlySet<string> RunningStatuses = new HashSet<string>(StringComparer.Ordinal) { "Pilot", "Running", "Scaled" };

    /// <summary>Only a running project that is not archived is suggested to close a skill gap.</summary>
    public bool Running => !Archived && RunningStatuses.Contains(Status);

    public V1.ProjectSuggestion ToSuggestion() => new() { ProjectId = Id.ToString(), Title = Title, Status = Status };
}
