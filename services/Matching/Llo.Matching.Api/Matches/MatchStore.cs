using Llo.Matching.Api.Storage;
using Llo.Matching.Domain.Decisions;
using Llo.Persistence;
using Npgsql;
using V1 = Llo.Contracts.Matching.V1;

namespace Llo.Matching.Api.Matches;

/// <summary>Reads and writes <c>match_runs</c> and <c>matches</c>.</summary>
public static class MatchStore
{
    private const string Columns = "id, run_id, worker_id, job_id, job::text AS job, explanation::text AS explanation, status, reason, version, found_at, decided_at";

    /// <summary>A match run: what was asked (<paramref name="kind"/>), with which scoring version and taxonomy, and its results.</summary>
    public static async Task InsertRunAsync(NpgsqlTransaction tx, Guid runId, string kind, Guid? workerId, Guid? jobId, string scoringVersion, string taxonomy,
        IReadOnlyList<StoredMatch> results, DateTimeOffset at, CancellationToken ct)
    {
        await Rows.ExecuteAsync(tx, """
            INSERT INTO match_runs (id, kind, worker_id, job_id, scoring_version, taxonomy, result_count, run_at)
            VALUES (@runId, @kind, @workerId, @jobId, @scoringVersion, @taxonomy, @count, @at)
            """, new { runId, kind, workerId, jobId, scoringVersion, taxonomy, count = results.Count, at }, ct);
        foreach (var m in results)
        {
            await Rows.ExecuteAsync(tx, """
                INSERT INTO matches (id, run_id, worker_id, job_id, job, explanation, score, status, reason, version, found_at, decided_at)
                VALUES (@Id, @RunId, @WorkerId, @JobId, @Job::jsonb, @Explanation::jsonb, @Score, @Status, @Reason, @Version, @FoundAt, @DecidedAt)
                """, Parameters(m), ct);
        }
    }

    public static async Task<StoredMatch?> FindAsync(NpgsqlConnection connection, Guid id, CancellationToken ct) =>
        (await Rows.FindAsync<Row>(connection, null, $"SELECT {Columns} FROM matches WHERE id = @id", new { id }, ct))?.ToStored();

    public static async Task<StoredMatch?> LockAsync(NpgsqlTransaction tx, Guid id, CancellationToken ct) =>
        (await Rows.FindForUpdateAsync<Row>(tx, $"SELECT {Columns} FROM matches WHERE id = @id", new { id }, ct))?.ToStored();

    public static Task DecideAsync(NpgsqlTransaction tx, StoredMatch m, CancellationToken ct) =>
        Rows.ExecuteAsync(tx, "UPDATE matches SET status = @Status, reason = @Reason, version = @Version, decided_at = @DecidedAt WHERE id = @Id", Parameters(m), ct);

    /// <summary>A worker's matches, newest first; <paramref name="decidedOnly"/> leaves out those nobody has decided on.</summary>
    public static async Task<(IReadOnlyList<StoredMatch> Rows, int Total)> ListAsync(NpgsqlConnection connection, Guid workerId, bool decidedOnly, Page page, CancellationToken ct)
    {
        var query = new ListQuery("matches").Filter("worker_id = @worker", "worker", workerId);
        if (decidedOnly)
        {
            query.Filter("status <> 'Recommended'");
        }

        var result = await query.PageAsync<Row>(connection, Columns, "found_at DESC, id", page.Offset, page.Size, ct);
        return (result.Rows.Select(r => r.ToStored()).ToList(), result.Total);
    }

    private static object Parameters(StoredMatch m) => new
    {
        m.Id, m.RunId, m.WorkerId, m.JobId, Job = ProtoJson.Write(m.Job), Explanation = ProtoJson.Write(m.Explanation), m.Explanation.Score,
        Status = m.Status.ToString(), m.Reason, m.Version, m.FoundAt, m.DecidedAt,
    };

    private sealed class Row
    {
        public Guid Id { get; init; }
        public Guid RunId { get; init; }
        public Guid WorkerId { get; init; }
        public Guid JobId { get; init; }
        public string Job { get; init; } = "";
        public string Explanation { get; init; } = "";
        public MatchStatus Status { get; init; }
        public string? Reason { get; init; }
        public long Version { get; init; }
        public DateTimeOffset FoundAt { get; init; }
        public DateTimeOffset? DecidedAt { get; init; }

        public StoredMatch ToStored() => new(Id, RunId, WorkerId, JobId, ProtoJson.Read<V1.JobSummary>(Job), ProtoJson.Read<V1.MatchExplanation>(Explanation),
            Status, Reason, Version, FoundAt, DecidedAt);
    }
}
