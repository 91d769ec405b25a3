namespace Llo.Inventory.Api.Overlaps;

/// <summary>
/// Builds the overlap index right after start, so the first partner who checks a draft does not wait the seconds it
/// takes to read and analyse every project, and keeps it listening to project changes for as long as the service runs
/// (<see cref="OverlapIndex.FollowChangesAsync"/>). A failure to build here only costs that wait: the first check builds it instead.
/// </summary>
public sealed class OverlapIndexWarmUp(OverlapIndex index, ILogger<OverlapIndexWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Listening first: a change committed while the index is built is then read by the next check.
        var following = index.FollowChangesAsync(logger, stoppingToken);
        try
        {
            await index.RefreshAsync(stoppingToken);
            logger.LogInformation("Overlap index ready with {Count} projects", index.Count);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Overlap index not built at start ({Error}); the first check builds it", exception.GetType().Name);
        }
        catch (OperationCanceledException)
        {
            // Stopping before the index was built is fine.
        }

        await following;
    }
}
