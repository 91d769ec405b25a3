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
