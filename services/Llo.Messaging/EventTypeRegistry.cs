using System.Collections.Concurrent;
using System.Reflection;
using Llo.Contracts.Events;

namespace Llo.Messaging;

/// <summary>An event's wire identity: its type (= routing key) and schema version.</summary>
internal sealed record EventTypeInfo(string Type, int Version);

/// <summary>Reads <see cref="IntegrationEventAttribute"/> once per CLR type.</summary>
internal static class EventTypeRegistry
{
    private static readonly ConcurrentDictionary<Type, EventTypeInfo> Cache = new();

    public static EventTypeInfo Describe(Type eventType) => Cache.GetOrAdd(eventType, static t =>
        t.GetCustomAttribute<IntegrationEventAttribute>() is { } attribute
            ? new EventTypeInfo(attribute.Type, attribute.Version)
            : throw new InvalidOperationException(
                $"{t.FullName} has no [IntegrationEvent(\"<type>\")] attribute: every integration event names its type."));
}
