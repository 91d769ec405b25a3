using Llo.Inventory.Domain.Projects;
using Llo.Persistence;

namespace Llo.Inventory.Api.Projects;

/// <summary>A project as the database holds it: its facts plus identity, version and bookkeeping.</summary>
public sealed record StoredProject(
    Guid Id,
    ProjectData Data,
    long Version,
    bool Archived,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt) : IVersioned;
