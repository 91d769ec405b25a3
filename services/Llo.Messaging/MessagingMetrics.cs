using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Llo.Messaging;

/// <summary>The Meter and ActivitySource "Llo.Messaging": what operators see of the event flow on the dashboard.</summary>
internal sealed class MessagingMetrics : IDisposable
{
    public const string Name = "Llo.Messaging";

    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly Meter _meter;
    private readonly Counter<long> _published;
    private readonly Counter<long> _handled;
    private readonly Counter<long> _deadLettered;
    private readonly Counter<long> _parked;
    private readonly ConcurrentDictionary<string, long> _deadLetterDepth = new();

    public MessagingMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(Name);
        _published = _meter.CreateCounter<long>("llo.messaging.published", "{message}", "Events published to the broker (confirmed).");
        _handled = _meter.CreateCounter<long>("llo.messaging.handled", "{message}", "Events handled successfully by a consumer.");
        _deadLettered = _meter.CreateCounter<long>("llo.messaging.dead_lettered", "{message}", "Events moved to a dead-letter queue.");
        _parked = _meter.CreateCounter<long>("llo.messaging.parked", "{row}", "Outbox rows parked after the broker refused them too often.");
        _meter.CreateObservableGauge("llo.messaging.dead_letter_queue.depth",
            () => _deadLetterDepth.Select(q => new Measurement<long>(q.Value, new KeyValuePair<string, object?>("queue", q.Key))),
            "{message}", "Messages waiting in each dead-letter queue, for an operator to redrive.");
    }

    public void Published(string type) => _published.Add(1, new KeyValuePair<string, object?>("type", type));

    public void Handled(string queue, string type) =>
        _handled.Add(1, new KeyValuePair<string, object?>("queue", queue), new KeyValuePair<string, object?>("type", type));

    public void DeadLettered(string queue, string type) =>
        _deadLettered.Add(1, new KeyValuePair<string, object?>("queue", queue), new KeyValuePair<string, object?>("type", type));

    public void Parked(string type) => _parked.Add(1, new KeyValuePair<string, object?>("type", type));

    /// <summary>The last count seen in <paramref name="deadQueue"/>, reported by the gauge.</summary>
    public void DeadLetterDepth(string deadQueue, long count) => _deadLetterDepth[deadQueue] = count;

    public void Dispose() => _meter.Dispose();
}
