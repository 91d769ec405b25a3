using Llo.Contracts.Events;

namespace Llo.Messaging.Tests;

// One event type (= routing key) per test, so no test sees another's messages.

[IntegrationEvent("test.outage-survived")]
public sealed record OutageEvent(string Label) : IntegrationEvent;

[IntegrationEvent("test.delivered-twice")]
public sealed record DuplicateEvent(string Label) : IntegrationEvent;

[IntegrationEvent("test.always-fails")]
public sealed record FailingEvent(string Label, string PersonalNote) : IntegrationEvent;

[IntegrationEvent("test.rolled-back")]
public sealed record RollbackEvent(string Label) : IntegrationEvent;

[IntegrationEvent("test.envelope", version: 3)]
public sealed record EnvelopeEvent(string Label, DateOnly On) : IntegrationEvent;

[IntegrationEvent("test.written-in-transaction")]
public sealed record TransactionalEvent(string Label, int FailedAttempts = 0) : IntegrationEvent;

[IntegrationEvent("test.written-once")]
public sealed record WrittenOnceEvent(string Label) : IntegrationEvent;

[IntegrationEvent("test.publishes-follow-up")]
public sealed record TriggerEvent(string Label, int FailedAttempts) : IntegrationEvent;

[IntegrationEvent("test.follow-up")]
public sealed record FollowUpEvent(string Label) : IntegrationEvent;

[IntegrationEvent("test.swallows-database-error")]
public sealed record SwallowingEvent(string Label) : IntegrationEvent;

[IntegrationEvent("test.database-outage")]
public sealed record DatabaseOutageEvent(int Number) : IntegrationEvent;

[IntegrationEvent("test.strict")]
public sealed record StrictEvent(string Label) : IntegrationEvent;

[IntegrationEvent("test.retry-tiers")]
public sealed record TieredEvent(string Label, int FailedAttempts) : IntegrationEvent;

[IntegrationEvent("test.replicated")]
public sealed record ReplicatedEvent(int Sequence) : IntegrationEvent;

[IntegrationEvent("test.parking")]
public sealed record ParkingEvent(string Label) : IntegrationEvent;

[IntegrationEvent("test.queue-deleted")]
public sealed record QueueDeletedEvent(string Label) : IntegrationEvent;

[IntegrationEvent("test.migrated")]
public sealed record MigratedEvent(string Label) : IntegrationEvent;

[IntegrationEvent("test.redriven")]
public sealed record RedrivenEvent(string Label) : IntegrationEvent;

[IntegrationEvent("test.redriven-over-http")]
public sealed record RedrivenOverHttpEvent(string Label) : IntegrationEvent;
