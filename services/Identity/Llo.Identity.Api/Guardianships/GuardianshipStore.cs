using Llo.Persistence;
using Npgsql;

namespace Llo.Identity.Api.Guardianships;

/// <summary>The SQL of the guardianships table.</summary>
public sealed class GuardianshipStore(NpgsqlDataSource dataSource)
{
    public const string Columns = "guardianship_id, parent_id, child_id, organisation_id, created_at, version";

    /// <summary>Inserts the link unless the parent is already linked to the child; true when inserted.</summary>
    public static async Task<bool> InsertAsync(NpgsqlTransaction tx, StoredGuardianship link, CancellationToken ct) =>
        await Rows.ExecuteAsync(tx,
            $"""
            INSERT INTO guardianships ({Columns})
            VALUES (@GuardianshipId, @ParentId, @ChildId, @OrganisationId, @CreatedAt, 1)
            ON CONFLICT (parent_id, child_id) DO NOTHING
            """, link, ct) == 1;

    public static Task<StoredGuardianship?> LockAsync(NpgsqlTransaction tx, Guid guardianshipId, CancellationToken ct) =>
        Rows.FindForUpdateAsync<StoredGuardianship>(tx,
            $"SELECT {Columns} FROM guardianships WHERE guardianship_id = @guardianshipId", new { guardianshipId }, ct);

    public static Task DeleteAsync(NpgsqlTransaction tx, Guid guardianshipId, CancellationToken ct) =>
        Rows.ExecuteAsync(tx, "DELETE FROM guardianships WHERE guardianship_id = @guardianshipId", new { guardianshipId }, ct);

    public async Task<StoredGuardianship?> FindAsync(Guid guardianshipId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await Rows.FindAsync<StoredGuardianship>(connection, null,
            $"SELECT {Columns} FROM guardianships WHERE guardianship_id = @guardianshipId", new { guardianshipId }, ct);
    }

    /// <summary>True when <paramref name="parentId"/> is registered as a parent of <paramref name="childId"/>.</summary>
    public static async Task<bool> ExistsAsync(NpgsqlTransaction tx, Guid parentId, Guid childId, CancellationToken ct) =>
        await Rows.FindAsync<int?>(tx.Connection!, tx,
            "SELECT 1 FROM guardianships WHERE parent_id = @parentId AND child_id = @childId", new { parentId, childId }, ct) is not null;

    /// <summary>The links filtered by organisation, parent and child (each when set), newest first.</summary>
    public async Task<ListPage<StoredGuardianship>> ListAsync(Guid? organisationId, Guid? parentId, Guid? childId, Page page, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var query = new ListQuery("guardianships");
        if (organisationId is { } organisation) query = query.Filter("organisation_id = @organisationId", "organisationId", organisation);
        if (parentId is { } parent) query = query.Filter("parent_id = @parentId", "parentId", parent);
        if (childId is { } child) query = query.Filter("child_id = @childId", "childId", child);
        return await query.PageAsync<StoredGuardianship>(connection, Columns, "created_at DESC, guardianship_id", page.Offset, page.Size, ct);
    }
}
