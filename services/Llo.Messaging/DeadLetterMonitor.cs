using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Llo.Messaging;

/// <summary>Keeps the dead-letter gauge current.</summary>
internal sealed class DeadLetterMonitor(
    DeadLetters deadLetters, Subscriptions subscriptions, IOptions<LloMessagingOptions> options, ILogger<DeadLetterMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (subscriptions.Count == 0) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await deadLetters.CountAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogDebug("Counting dead letters failed ({Error})", ex.GetType().Name);
            }
            try { await Task.Delay(options.Value.DeadLetterPollInterval, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }
}
