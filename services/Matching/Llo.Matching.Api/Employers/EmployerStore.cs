using Llo.Contracts.Matching.V1;
using Llo.Matching.Api.Storage;
using Llo.Persistence;
using Npgsql;

namespace Llo.Matching.Api.Employers;

/// <summary>Reads and writes <c>employers</c>.</summary>
public static class EmployerStore
{
    private const string Columns = "id, fields::text AS fields, owner_organisation, version, created_at, updated_at";

    public static async Task<StoredEmployer?> FindAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid id, CancellationToken ct) =>
        (await Rows.FindAsync<Row>(connection, tx, $"SELECT {Columns} FROM employers WHERE id = @id", new { id }, ct))?.ToStored();

    public static async Task<StoredEmployer?> LockAsync(NpgsqlTransaction tx, Guid id, CancellationToken ct) =>
        (await Rows.FindForUpdateAsync<Row>(tx, $"SELECT {Columns} FROM employers WHERE id = @id", new { id }, ct))?.ToStored();

    /// <summary>False when the id exists already (demo seeding relies on that).</summary>
    public static async Task<bool> InsertAsync(NpgsqlTransaction tx, StoredEmployer e, CancellationToken ct) =>
        await Rows.ExecuteAsync(tx, """
            INSERT INTO employers (id, fields, owner_organisation, version, created_at, updated_at)
            VALUES (@Id, @Fields::jsonb, @Owner, @Version, @CreatedAt, @UpdatedAt)
            ON CONFLICT (id) DO NOTHING
            """, Parameters(e), ct) == 1;

    public static Task UpdateAsync(NpgsqlTransaction tx, StoredEmployer e, CancellationToken ct) =>
        Rows.ExecuteAsync(tx, "UPDATE employers SET fields = @Fields::jsonb, version = @Version, updated_at = @UpdatedAt WHERE id = @Id", Parameters(e), ct);

    public static async Task<(IReadOnlyList<StoredEmployer> Rows, int Total)> ListAsync(NpgsqlConnection connection, Page page, CancellationToken ct)
    {
        var result = await new ListQuery("employers").PageAsync<Row>(connection, Columns, "fields->>'name', id", page.Offset, page.Size, ct);
        return (result.Rows.Select(r => r.ToStored()).ToList(), result.Total);
    }

    public static async Task<IReadOnlyList<StoredEmployer>> AllAsync(NpgsqlConnection connection, CancellationToken ct) =>
        (await Rows.QueryAsync<Row>(connection, null, $"SELECT {Columns} FROM employers ORDER BY id", null, ct)).Select(r => r.ToStored()).ToList();

    private static object Parameters(StoredEmployer e) => new { e.Id, Fields = ProtoJson.Write(e.Fields), e.Owner, e.Version, e.CreatedAt, e.UpdatedAt };

    private sealed class Row
    {
        public Guid Id { get; init; }
        public string Fields { get; init; } = "";
        public Guid? OwnerOrganisation { get; init; }
        public long Version { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }

        public StoredEmployer ToStored() => new(Id, ProtoJson.Read<EmployerFields>(Fields), OwnerOrganisation, Version, CreatedAt, UpdatedAt);
    }
}
