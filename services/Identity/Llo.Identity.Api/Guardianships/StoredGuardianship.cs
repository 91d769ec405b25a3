namespace Llo.Identity.Api.Guardianships;

/// <summary>A guardianships row: <see cref="ParentId"/> is a parent of <see cref="ChildId"/>, filed under the child's organisation.</summary>
public sealed record StoredGuardianship
{
    public Guid GuardianshipId { get; init; }
    public Guid ParentId { get; init; }
    public Guid ChildId { get; init; }
    public Guid OrganisationId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public long Version { get; init; }
}
