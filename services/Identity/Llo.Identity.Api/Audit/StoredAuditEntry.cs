namespace Llo.Identity.Api.Audit;

/// <summary>
/// An audit_entries row. Properties rather than a positional record, because Npgsql reports a <c>text[]</c> column as
/// <c>System.Array</c>, which Dapper cannot match to a constructor parameter.
/// </summary>
public sealed record StoredAuditEntry
{
    public long Sequence { get; init; }
    public Guid EntryId { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public string Service { get; init; } = "";
    public string? Actor { get; init; }
    public Guid? ActorOrganisation { get; init; }
    public string? ClientId { get; init; }
    public string Action { get; init; } = "";
    public string ResourceType { get; init; } = "";
    public string? ResourceId { get; init; }
    public string[] SubjectIds { get; init; } = [];
    public string? CorrelationId { get; init; }
    public Dictionary<string, string> Details { get; init; } = [];
    public byte[] PreviousHash { get; init; } = [];
    public byte[] Hash { get; init; } = [];
}
