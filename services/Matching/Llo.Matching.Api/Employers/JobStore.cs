using Llo.Contracts.Matching.V1;
using Llo.Matching.Api.Storage;
using Llo.Persistence;
using Npgsql;

namespace Llo.Matching.Api.Employers;

/// <summary>Reads and writes <c>jobs</c>; a job's tasks are part of its fields.</summary>
public static class JobStore
{
    private const string Columns = "id, employer_id, fields::text AS fields, version, created_at, updated_at";

    public static async Task<StoredJob?> FindAsync(NpgsqlConnection connection, Guid id, CancellationToken ct) =>
        (await Rows.FindAsync<Row>(connection, null, $"SELECT {Columns} FROM jobs WHERE id = @id", new { id }, ct))?.ToStored();

    public static async Task<StoredJob?> LockAsync(NpgsqlTransaction tx, Guid id, CancellationToken ct) =>
        (await Rows.FindForUpdateAsync<Row>(tx, $"SELECT {Columns} FROM jobs WHERE id = @id", new { id }, ct))?.ToStored();

    /// <summary>False when the id exists already (demo seeding relies on that).</summary>
    public static async Task<bool> InsertAsync(NpgsqlTransaction tx, StoredJob j, CancellationToken ct) =>
        await Rows.ExecuteAsync(tx, """
            INSERT INTO jobs (id, employer_id, fields, version, created_at, updated_at)
            VALUES (@Id, @EmployerId, @Fields::jsonb, @Version, @CreatedAt, @UpdatedAt)
            ON CONFLICT (id) DO NOTHING
            """, Parameters(j), ct) == 1;

    public static Task UpdateAsync(NpgsqlTransaction tx, StoredJob j, CancellationToken ct) =>
        Rows.ExecuteAsync(tx, "UPDATE jobs SET fields = @Fields::jsonb, version = @Version, updated_at = @UpdatedAt WHERE id = @Id", Parameters(j), ct);

    public static async Task<(IReadOnlyList<StoredJob> Rows, int Total)> ListAsync(NpgsqlConnection connection, Guid employerId, Page page, CancellationToken ct)
    {
        var result = await new ListQuery("jobs").Filter("employer_id = @employer", "employer", employerId)
            .PageAsync<Row>(connection, Columns, "created_at, id", page.Offset, page.Size, ct);
        return (result.Rows.Select(r => r.ToStored()).ToList(), result.Total);
    }

    public static async Task<IReadOnlyList<StoredJob>> AllAsync(NpgsqlConnection connection, CancellationToken ct) =>
        (await Rows.QueryAsync<Row>(connection, null, $"SELECT {Columns} FROM jobs ORDER BY id", null, ct)).Select(r => r.ToStored()).ToList();

    private static object Parameters(StoredJob j) => new { j.Id, j.EmployerId, Fields = ProtoJson.Write(j.Fields), j.Version, j.CreatedAt, j.UpdatedAt };

    private sealed class Row
    {
        public Guid Id { get; init; }
        public Guid EmployerId { get; init; }
        public string Fields { get; init; } = "";
        public long Version { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }

        public StoredJob ToStored() => new(Id, EmployerId, ProtoJson.Read<JobFields>(Fields), Version, CreatedAt, UpdatedAt);
    }
}
