using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Llo.Messaging;

/// <summary>
/// What the relay and the consumers report about themselves, read by the health check "messaging": unhealthy while a
/// subscription's queue is not being consumed (its channel closed, or the queue was deleted and cannot be declared),
/// degraded while the outbox holds parked rows.
/// </summary>
internal sealed class MessagingHealth : IHealthCheck
{
    private readonly ConcurrentDictionary<string, bool> _consuming = new();
    private long _parkedRows;

    public void Consuming(string queue, bool consuming) => _consuming[queue] = consuming;

    public void ParkedRows(long count) => Interlocked.Exchange(ref _parkedRows, count);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var idle = _consuming.Where(q => !q.Value).Select(q => q.Key).Order(StringComparer.Ordinal).ToList();
        var parked = Interlocked.Read(ref _parkedRows);
        var result = idle.Count > 0
            ? HealthCheckResult.Unhealthy($"Not consuming: {string.Join(", ", idle)}")
            : parked > 0
                ? HealthCheckResult.Degraded($"{parked} outbox rows parked after the broker refused them; see messaging_outbox.last_error")
                : HealthCheckResult.Healthy();
        return Task.FromResult(result);
    }
}
