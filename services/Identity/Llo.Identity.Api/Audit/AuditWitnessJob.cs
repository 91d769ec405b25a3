using Microsoft.Extensions.Options;

namespace Llo.Identity.Api.Audit;

/// <summary>
/// Writes the chain's head to the witness every <see cref="AuditOptions.WitnessInterval"/> (when a witness is
/// configured). It never holds up the start: the first write waits one interval, and a failure is logged and retried.
/// </summary>
public sealed class AuditWitnessJob(AuditWitness witness, IOptions<AuditOptions> options, TimeProvider time, ILogger<AuditWitnessJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!witness.Enabled)
        {
            logger.LogWarning("No audit witness configured (Identity:Audit:WitnessPath): verification checks the chain within the database only");
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.WitnessInterval, time, stoppingToken);
                await witness.WitnessOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Writing the audit witness failed ({Error}); trying again in {Interval}", ex.GetType().Name, options.Value.WitnessInterval);
            }
        }
    }
}
