using System.Text.Json.Nodes;
using Llo.Contracts.Matching.V1;
using Llo.Matching.Api.Storage;
using Llo.Persistence;
using Npgsql;

namespace Llo.Matching.Api.Workers;

/// <summary>Reads and writes <c>workers</c> and their history in <c>worker_changes</c>.</summary>
public static class WorkerStore
{
    private const string Columns = "id, fields::text AS fields, version, created_at, updated_at";

    public static async Task<StoredWorker?> FindAsync(NpgsqlConnection connection, Guid id, CancellationToken ct) =>
        (await Rows.FindAsync<Row>(connection, null, $"SELECT {Columns} FROM workers WHERE id = @id", new { id }, ct))?.ToStored();

    public static async Task<StoredWorker?> LockAsync(NpgsqlTransaction tx, Guid id, CancellationToken ct) =>
        (await Rows.FindForUpdateAsync<Row>(tx, $"SELECT {Columns} FROM workers WHERE id = @id", new { id }, ct))?.ToStored();

    /// <summary>Inserts the twin and its first history entry; false when the id exists already (demo seeding relies on that).</summary>
    public static async Task<bool> InsertAsync(NpgsqlTransaction tx, StoredWorker worker, string role, CancellationToken ct)
    {
        var inserted = await Rows.ExecuteAsync(tx, """
            INSERT INTO workers (id, fields, coach_user_id, user_id, version, created_at, updated_at)
            VALUES (@Id, @Fields::jsonb, @CoachUserId, @UserId, @Version, @CreatedAt, @UpdatedAt)
            ON CONFLICT (id) DO NOTHING
            """, Parameters(worker), ct);
        if (inserted == 0)
        {
            return false;
        }

        await AddChangeAsync(tx, worker, WorkerFields.Descriptor.Fields.InFieldNumberOrder().Select(f => f.Name).ToList(), role, ct);
        return true;
    }

    public static async Task UpdateAsync(NpgsqlTransaction tx, StoredWorker worker, IReadOnlyList<string> changed, string role, CancellationToken ct)
    {
        await Rows.ExecuteAsync(tx, """
            UPDATE workers SET fields = @Fields::jsonb, coach_user_id = @CoachUserId, user_id = @UserId, version = @Version, updated_at = @UpdatedAt
            WHERE id = @Id
            """, Parameters(worker), ct);
        await AddChangeAsync(tx, worker, changed, role, ct);
    }

    /// <summary>The twins a list shows: all (<paramref name="coach"/> and <paramref name="user"/> null), or a coach's and/or the worker's own.</summary>
    public static async Task<(IReadOnlyList<StoredWorker> Rows, int Total)> ListAsync(
        NpgsqlConnection connection, bool all, Guid? coach, Guid? user, Page page, CancellationToken ct)
    {
        var query = new ListQuery("workers");
        if (!all)
        {
            query.Filter("(coach_user_id = @coach OR user_id = @user)");
            query.Parameter("coach", coach ?? Guid.Empty);
            query.Parameter("user", user ?? Guid.Empty);
        }

        var result = await query.PageAsync<Row>(connection, Columns, "created_at, id", page.Offset, page.Size, ct);
        return (result.Rows.Select(r => r.ToStored()).ToList(), result.Total);
    }

    /// <summary>Every twin, for the in-memory match index.</summary>
    public static async Task<IReadOnlyList<StoredWorker>> AllAsync(NpgsqlConnection connection, CancellationToken ct) =>
        (await Rows.QueryAsync<Row>(connection, null, $"SELECT {Columns} FROM workers ORDER BY id", null, ct)).Select(r => r.ToStored()).ToList();

    public static async Task<IReadOnlyList<WorkerChange>> HistoryAsync(NpgsqlConnection connection, Guid id, CancellationToken ct) =>
        (await Rows.QueryAsync<ChangeRow>(connection, null,
            "SELECT version, changed_fields, changed_at, changed_by_role FROM worker_changes WHERE worker_id = @id ORDER BY version", new { id }, ct))
        .Select(r => new WorkerChange
        {
            Version = r.Version,
            ChangedFields = { r.ChangedFields },
            ChangedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(r.ChangedAt),
            ChangedByRole = r.ChangedByRole,
        })
        .ToList();

    /// <summary>The twins linked to a person's account: what a request for their data or its erasure concerns.</summary>
    public static Task<IReadOnlyList<Guid>> IdsOfUserAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid userId, CancellationToken ct) =>
        Rows.QueryAsync<Guid>(connection, tx, "SELECT id FROM workers WHERE user_id = @userId ORDER BY id", new { userId }, ct);

    /// <summary>
    /// Everything the service holds about one worker as one JSON document (twin, history, stored matches), for a
    /// request for their data (the privacy contract's export); null when there is no such twin.
    /// </summary>
    public static async Task<string?> ExportAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid id, CancellationToken ct)
    {
        var worker = await Rows.FindAsync<Row>(connection, tx, $"SELECT {Columns} FROM workers WHERE id = @id", new { id }, ct);
        if (worker is null)
        {
            return null;
        }

        var history = await Rows.QueryAsync<string>(connection, tx,
            "SELECT json_build_object('version', version, 'changedFields', changed_fields, 'changedAt', changed_at, 'changedByRole', changed_by_role)::text FROM worker_changes WHERE worker_id = @id ORDER BY version",
            new { id }, ct);
        var matches = await Rows.QueryAsync<string>(connection, tx,
            "SELECT json_build_object('id', id, 'jobId', job_id, 'job', job, 'explanation', explanation, 'status', status, 'reason', reason, 'foundAt', found_at, 'decidedAt', decided_at)::text FROM matches WHERE worker_id = @id ORDER BY found_at, id",
            new { id }, ct);
        var document = new JsonObject
        {
            ["workerId"] = id.ToString(),
            ["fields"] = JsonNode.Parse(worker.Fields),
            ["version"] = worker.Version,
            ["createdAt"] = worker.CreatedAt,
            ["updatedAt"] = worker.UpdatedAt,
            ["history"] = new JsonArray([.. history.Select(h => JsonNode.Parse(h))]),
            ["matches"] = new JsonArray([.. matches.Select(m => JsonNode.Parse(m))]),
        };
        return document.ToJsonString();
    }

    /// <summary>
    /// Erases one worker's twin with its history, stored matches and the match runs made for it, inside the caller's
    /// transaction (the privacy contract's erasure); answers how many rows went. The in-memory index must forget it too.
    /// </summary>
    public static async Task<int> EraseAsync(NpgsqlTransaction tx, Guid id, CancellationToken ct)
    {
        var count = await Rows.ExecuteAsync(tx, "DELETE FROM matches WHERE worker_id = @id", new { id }, ct);
        count += await Rows.ExecuteAsync(tx, "DELETE FROM match_runs WHERE worker_id = @id", new { id }, ct);
        count += await Rows.ExecuteAsync(tx, "DELETE FROM worker_changes WHERE worker_id = @id", new { id }, ct);
        count += await Rows.ExecuteAsync(tx, "DELETE FROM workers WHERE id = @id", new { id }, ct);
        return count;
    }

    private static Task AddChangeAsync(NpgsqlTransaction tx, StoredWorker worker, IReadOnlyList<string> changed, string role, CancellationToken ct) =>
        Rows.ExecuteAsync(tx,
            "INSERT INTO worker_changes (worker_id, version, changed_fields, changed_at, changed_by_role) VALUES (@id, @version, @changed, @at, @role)",
            new { id = worker.Id, version = worker.Version, changed = changed.ToArray(), at = worker.UpdatedAt, role }, ct);

    private static object Parameters(StoredWorker w) => new
    {
        w.Id, Fields = ProtoJson.Write(w.Fields), w.CoachUserId, w.UserId, w.Version, w.CreatedAt, w.UpdatedAt,
    };

    private sealed class Row
    {
        public Guid Id { get; init; }
        public string Fields { get; init; } = "";
        public long Version { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }

        public StoredWorker ToStored() => new(Id, ProtoJson.Read<WorkerFields>(Fields), Version, CreatedAt, UpdatedAt);
    }

    private sealed class ChangeRow
    {
        public long Version { get; init; }
        public string[] ChangedFields { get; init; } = [];
        public DateTimeOffset ChangedAt { get; init; }
        public string ChangedByRole { get; init; } = "";
    }
}
