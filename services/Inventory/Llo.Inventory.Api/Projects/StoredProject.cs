using Llo.Inventory.Domain.Projects;
using Llo.Persistence;

namespace Llo.Inventory.Api.Projects;

/// <summary>
/// A project as the database holds it: its facts plus identity, version and bookkeeping. <see cref="Owner"/> is the
/// organisation that registered it; null for a programme-owned project (seeded, or from before owners existed).
/// </summary>
public sealed record StoredProject(
    Guid Id,
    ProjectData Data,
    long Version,
    bool Archived,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    Guid? Owner = null) : IVersioned;
