using Npgsql;

namespace Llo.Identity.Api.Rights;

/// <summary>Deletes export requests and their documents once they expired (7 days after the request), hourly.</summary>
public sealed class PrivacyRequestHousekeeping(PrivacyRequestStore requests, TimeProvider time, ILogger<PrivacyRequestHousekeeping> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var deleted = await requests.DeleteExpiredAsync(time.GetUtcNow(), stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Deleted {Count} expired export requests", deleted);
                }
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                // The schema may not be there yet at the first run, or the database away: the next round tries again.
                logger.LogWarning("Deleting expired export requests failed ({Error}); trying again in an hour", ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
