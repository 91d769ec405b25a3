namespace Llo.Contracts.Events;

/// <summary>
/// One audit entry: someone read or changed personal data (or ran a match) in a service. Every service records it
/// through its outbox in the transaction of what it describes; the identity service appends it to the hash-chained
/// audit log. It holds ids only, never a name, an e-mail address or text a person typed.
/// </summary>
/// <param name="EntryId">The entry's id, the same on every redelivery: the log appends it once.</param>
/// <param name="OccurredAt">When it happened (UTC, microseconds).</param>
/// <param name="Service">The recording service ("inventory").</param>
/// <param name="Actor">The token's <c>sub</c> (a user id or a client id); null for an anonymous caller.</param>
/// <param name="ActorOrganisation">The organisation the actor acted for (the token's <c>org</c>).</param>
/// <param name="ClientId">The partner system's client id for a client-credentials token.</param>
/// <param name="Action">One of <c>read</c>, <c>create</c>, <c>update</c>, <c>delete</c>, <c>export</c>, <c>erase</c>, <c>match-run</c>, <c>decision</c>.</param>
/// <param name="ResourceType">What was read or changed ("project", "user").</param>
/// <param name="ResourceId">Its id; null for a list.</param>
/// <param name="SubjectIds">Opaque ids of the persons concerned (a user id, "project/{id}/contact").</param>
/// <param name="CorrelationId">The request's correlation id (or trace id).</param>
/// <param name="Details">A few ids or codes (a match run's inputs, scoring version and results); no personal data.</param>
[IntegrationEvent("audit.recorded")]
public sealed record AuditRecorded(
    Guid EntryId,
    DateTimeOffset OccurredAt,
    string Service,
    string? Actor,
    Guid? ActorOrganisation,
    string? ClientId,
    string Action,
    string ResourceType,
    string? ResourceId,
    IReadOnlyList<string> SubjectIds,
    string? CorrelationId,
    IReadOnlyDictionary<string, string> Details) : IntegrationEvent;
