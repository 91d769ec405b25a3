using Llo.Contracts.Matching.V1;
using Llo.Matching.Api.Storage;
using Llo.Persistence;
using Npgsql;

namespace Llo.Matching.Api.Trainings;

/// <summary>Reads and writes <c>trainings</c>.</summary>
public static class TrainingStore
{
    private const string Columns = "id, fields::text AS fields, owner_organisation, version, created_at, updated_at";

    public static async Task<StoredTraining?> FindAsync(NpgsqlConnection connection, Guid id, CancellationToken ct) =>
        (await Rows.FindAsync<Row>(connection, null, $"SELECT {Columns} FROM trainings WHERE id = @id", new { id }, ct))?.ToStored();

    public static async Task<StoredTraining?> LockAsync(NpgsqlTransaction tx, Guid id, CancellationToken ct) =>
        (await Rows.FindForUpdateAsync<Row>(tx, $"SELECT {Columns} FROM trainings WHERE id = @id", new { id }, ct))?.ToStored();

    /// <summary>False when the id exists already (demo seeding relies on that).</summary>
    public static async Task<bool> InsertAsync(NpgsqlTransaction tx, StoredTraining t, CancellationToken ct) =>
        await Rows.ExecuteAsync(tx, """
            INSERT INTO trainings (id, fields, owner_organisation, version, created_at, updated_at)
            VALUES (@Id, @Fields::jsonb, @Owner, @Version, @CreatedAt, @UpdatedAt)
            ON CONFLICT (id) DO NOTHING
            """, Parameters(t), ct) == 1;

    public static Task UpdateAsync(NpgsqlTransaction tx, StoredTraining t, CancellationToken ct) =>
        Rows.ExecuteAsync(tx, "UPDATE trainings SET fields = @Fields::jsonb, version = @Version, updated_at = @UpdatedAt WHERE id = @Id", Parameters(t), ct);

    /// <summary>A page of offers by title, optionally only those teaching <paramref name="skillUri"/>.</summary>
    public static async Task<(IReadOnlyList<StoredTraining> Rows, int Total)> ListAsync(NpgsqlConnection connection, string? skillUri, Page page, CancellationToken ct)
    {
        var query = new ListQuery("trainings");
        if (skillUri is not null)
        {
            query.Filter("fields->'skillUris' ? @skill", "skill", skillUri);
        }

        var result = await query.PageAsync<Row>(connection, Columns, "fields->>'title', id", page.Offset, page.Size, ct);
        return (result.Rows.Select(r => r.ToStored()).ToList(), result.Total);
    }

    public static async Task<IReadOnlyList<StoredTraining>> AllAsync(NpgsqlConnection connection, CancellationToken ct) =>
        (await Rows.QueryAsync<Row>(connection, null, $"SELECT {Columns} FROM trainings ORDER BY id", null, ct)).Select(r => r.ToStored()).ToList();

    private static object Parameters(StoredTraining t) => new { t.Id, Fields = ProtoJson.Write(t.Fields), t.Owner, t.Version, t.CreatedAt, t.UpdatedAt };

    private sealed class Row
    {
        public Guid Id { get; init; }
        public string Fields { get; init; } = "";
        public Guid? OwnerOrganisation { get; init; }
        public long Version { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }

        public StoredTraining ToStored() => new(Id, ProtoJson.Read<TrainingFields>(Fields), OwnerOrganisation, Version, CreatedAt, UpdatedAt);
    }
}
