using System.Diagnostics;
using Llo.Messaging;

namespace Llo.Bench.Messaging;

/// <summary>Does what a real handler does at the least: runs inside the inbox transaction, and notes when.</summary>
public sealed class TickHandler(Timings timings) : IIntegrationEventHandler<BenchTick>
{
    public Task HandleAsync(BenchTick evt, IntegrationEventContext context, CancellationToken ct)
    {
        timings.Handled.TryAdd(evt.Sequence, Stopwatch.GetTimestamp());
        return Task.CompletedTask;
    }
}
