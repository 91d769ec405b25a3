using Llo.Persistence;
using Npgsql;

namespace Llo.Matching.Api.InventoryProjects;

/// <summary>Reads and writes <c>inventory_projects</c>.</summary>
public static class InventoryProjectStore
{
    private const string Columns = "project_id, title, status, archived, skill_uris, version, synced_at";

    /// <summary>
    /// Stores what the inventory answered, unless a newer version is held already (a read that raced a later one);
    /// the same version is written again, so a changed taxonomy re-derives the skills. False when it was older.
    /// </summary>
    public static async Task<bool> UpsertAsync(NpgsqlTransaction tx, StoredInventoryProject p, CancellationToken ct) =>
        await Rows.ExecuteAsync(tx, $"""
            INSERT INTO inventory_projects ({Columns})
            VALUES (@Id, @Title, @Status, @Archived, @SkillUris, @Version, @SyncedAt)
            ON CONFLICT (project_id) DO UPDATE SET title = excluded.title, status = excluded.status, archived = excluded.archived,
                skill_uris = excluded.skill_uris, version = excluded.version, synced_at = excluded.synced_at
            WHERE inventory_projects.version <= excluded.version
            """, new { p.Id, p.Title, p.Status, p.Archived, SkillUris = p.SkillUris.ToArray(), p.Version, p.SyncedAt }, ct) == 1;

    /// <summary>A project the inventory no longer knows.</summary>
    public static Task DeleteAsync(NpgsqlTransaction tx, Guid id, CancellationToken ct) =>
        Rows.ExecuteAsync(tx, "DELETE FROM inventory_projects WHERE project_id = @id", new { id }, ct);

    public static async Task<IReadOnlyList<StoredInventoryProject>> AllAsync(NpgsqlConnection connection, CancellationToken ct) =>
        (await Rows.QueryAsync<Row>(connection, null, $"SELECT {Columns} FROM inventory_projects ORDER BY project_id", null, ct))
        .Select(r => r.ToStored()).ToList();

    private sealed class Row
    {
        public Guid ProjectId { get; init; }
        public string Title { get; init; } = "";
        public string Status { get; init; } = "";
        public bool Archived { get; init; }
        public string[] SkillUris { get; init; } = [];
        public long Version { get; init; }
        public DateTimeOffset SyncedAt { get; init; }

        public StoredInventoryProject ToStored() => new(ProjectId, Title, Status, Archived, SkillUris, Version, SyncedAt);
    }
}
