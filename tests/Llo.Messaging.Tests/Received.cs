using System.Collections.Concurrent;
using System.Diagnostics;
using Llo.Contracts.Events;

namespace Llo.Messaging.Tests;

/// <summary>What the test handlers saw, in order.</summary>
public sealed class Received
{
    public sealed record Delivery(IntegrationEvent Event, IntegrationEventContext Context, ActivityTraceId? TraceId);

    private readonly ConcurrentQueue<Delivery> _deliveries = new();

    public IReadOnlyList<Delivery> All => _deliveries.ToArray();

    public void Add(IntegrationEvent evt, IntegrationEventContext context) =>
        _deliveries.Enqueue(new Delivery(evt, context, Activity.Current?.TraceId));

    public async Task<Delivery> WaitForAsync(Func<Delivery, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_deliveries.FirstOrDefault(match) is { } found) return found;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No matching delivery within {timeout}; saw {_deliveries.Count}.");
    }
}

public sealed class RecordingHandler<TEvent>(Received received) : IIntegrationEventHandler<TEvent> where TEvent : IntegrationEvent
{
    public Task HandleAsync(TEvent evt, IntegrationEventContext context, CancellationToken ct)
    {
        received.Add(evt, context);
        return Task.CompletedTask;
    }
}

public sealed class AlwaysFailingHandler(Received received) : IIntegrationEventHandler<FailingEvent>
{
    public Task HandleAsync(FailingEvent evt, IntegrationEventContext context, CancellationToken ct)
    {
        received.Add(evt, context);
        // The message quotes event data on purpose: the dead-letter log line must not repeat it.
        throw new InvalidOperationException($"cannot handle {evt.PersonalNote}");
    }
}

/// <summary>Fails the first <see cref="TieredEvent.FailedAttempts"/> attempts of each message.</summary>
public sealed class FailingUntilHandler(Received received) : IIntegrationEventHandler<TieredEvent>
{
    public Task HandleAsync(TieredEvent evt, IntegrationEventContext context, CancellationToken ct)
    {
        received.Add(evt, context);
        return context.DeliveryCount <= evt.FailedAttempts
            ? Task.FromException(new InvalidOperationException("failing on purpose"))
            : Task.CompletedTask;
    }
}

/// <summary>Fails while <see cref="Broken"/> is set: a handler bug an operator fixes before a redrive.</summary>
public sealed class SwitchableHandler(Received received) : IIntegrationEventHandler<RedrivenEvent>
{
    public static volatile bool Broken = true;

    public Task HandleAsync(RedrivenEvent evt, IntegrationEventContext context, CancellationToken ct)
    {
        if (Broken) return Task.FromException(new InvalidOperationException("not fixed yet"));
        received.Add(evt, context);
        return Task.CompletedTask;
    }
}
