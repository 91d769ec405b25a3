namespace Llo.Messaging;

/// <summary>The envelope of a delivered event: who it is (id, type, version), when it happened, and which attempt this is.</summary>
/// <param name="MessageId">The event's id, the same on every redelivery (the inbox key).</param>
/// <param name="Type">The event type, which is also its routing key, e.g. "inventory.project-registered".</param>
/// <param name="Version">The schema version of the event type.</param>
/// <param name="OccurredAt">When the publisher recorded the event (UTC).</param>
/// <param name="DeliveryCount">1 on the first attempt, 2 on the first retry, and so on.</param>
public sealed record IntegrationEventContext(Guid MessageId, string Type, int Version, DateTimeOffset OccurredAt, int DeliveryCount);
