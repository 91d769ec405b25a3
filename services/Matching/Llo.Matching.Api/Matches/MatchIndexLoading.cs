namespace Llo.Matching.Api.Matches;

/// <summary>Builds the match index at start, right after the taxonomy, so the first match request does not pay for it.</summary>
public sealed partial class MatchIndexLoading(MatchEngine engine, ILogger<MatchIndexLoading> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var snapshot = await engine.SnapshotAsync(stoppingToken);
                LogReady(snapshot.Workers.Count, snapshot.Jobs.Count, snapshot.Tasks.Count);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The taxonomy is still loading (503) or the database not reachable yet: try again shortly.
                if (attempt % 30 == 1)
                {
                    LogWaiting(exception.GetType().Name);
                }

                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Match index ready: {Workers} workers, {Jobs} open jobs, {Tasks} tasks.")]
    private partial void LogReady(int workers, int jobs, int tasks);

    [LoggerMessage(Level = LogLevel.Information, Message = "Match index waits for the taxonomy and the database ({Reason}).")]
    private partial void LogWaiting(string reason);
}
