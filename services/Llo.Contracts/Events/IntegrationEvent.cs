namespace Llo.Contracts.Events;

/// <summary>
/// An integration event: a fact one service publishes and others may react to.
/// Each concrete event names its type (the RabbitMQ routing key, e.g. "inventory.project-registered")
/// and its schema version with <see cref="IntegrationEventAttribute"/>.
/// </summary>
public abstract record IntegrationEvent;

[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class IntegrationEventAttribute(string type, int version = 1) : Attribute
{
    public string Type { get; } = type;
    public int Version { get; } = version;
}
