using Llo.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Llo.Identity.Api.Audit;

/// <summary>
/// Deletes entries appended longer than <see cref="AuditOptions.Retention"/> ago, oldest first and only as a prefix
/// of the chain, in small batches. Each batch moves the chain's anchor to the last entry it deleted (sequence and
/// hash), so verification starts there and the rest of the chain still proves itself. The database's trigger lets
/// only this job delete, and only entries older than the cut-off it names. Registered after the schema, which is
/// applied when it starts.
/// </summary>
public sealed class AuditRetention(
    NpgsqlDataSource dataSource, IOptions<AuditOptions> options, TimeProvider time, ILogger<AuditRetention> logger)
    : BackgroundService
{
    private readonly AuditOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var deleted = await RunOnceAsync(stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Audit retention deleted {Count} entries older than {Retention}", deleted, _options.Retention);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Audit retention failed ({Error}); trying again in {Interval}", ex.GetType().Name, _options.RetentionInterval);
            }

            try { await Task.Delay(_options.RetentionInterval, time, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }

    /// <summary>Deletes every entry past the retention period, batch by batch; the number deleted.</summary>
    public async Task<long> RunOnceAsync(CancellationToken ct)
    {
        var cutoff = AuditChain.Truncate(time.GetUtcNow() - _options.Retention);
        long total = 0;
        while (true)
        {
            var deleted = await DeleteBatchAsync(cutoff, ct);
            total += deleted;
            if (deleted < _options.RetentionBatchSize) return total;
        }
    }

    private async Task<int> DeleteBatchAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await AuditLog.LockHeadAsync(tx, ct);
        var oldest = await Rows.QueryAsync<Oldest>(connection, tx,
            "SELECT sequence, hash, recorded_at FROM audit_entries ORDER BY sequence LIMIT @batch",
            new { batch = _options.RetentionBatchSize }, ct);
        // A prefix only: an entry the clock put before a newer one's cut-off waits for its predecessors.
        var doomed = oldest.TakeWhile(e => e.RecordedAt < cutoff).ToList();
        if (doomed.Count == 0)
        {
            return 0;
        }

        var last = doomed[^1];
        await Rows.ExecuteAsync(tx, "SELECT set_config('llo.audit_retention_before', @cutoff, true)",
            new { cutoff = cutoff.ToString("O", System.Globalization.CultureInfo.InvariantCulture) }, ct);
        await Rows.ExecuteAsync(tx, "DELETE FROM audit_entries WHERE sequence <= @Sequence", new { last.Sequence }, ct);
        await Rows.ExecuteAsync(tx, "UPDATE audit_chain SET anchor_sequence = @Sequence, anchor_hash = @Hash WHERE id = 1",
            new { last.Sequence, last.Hash }, ct);
        await tx.CommitAsync(ct);
        return doomed.Count;
    }

    private sealed record Oldest(long Sequence, byte[] Hash, DateTimeOffset RecordedAt);
}
