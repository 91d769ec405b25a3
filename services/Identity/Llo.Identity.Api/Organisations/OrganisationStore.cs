using Llo.Persistence;
using Npgsql;

namespace Llo.Identity.Api.Organisations;

/// <summary>The SQL of the organisations table.</summary>
public sealed class OrganisationStore(NpgsqlDataSource dataSource)
{
    public const string Columns = "organisation_id, name, version, created_at, updated_at";

    public async Task<StoredOrganisation?> FindAsync(Guid organisationId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await Rows.FindAsync<StoredOrganisation>(connection, null,
            $"SELECT {Columns} FROM organisations WHERE organisation_id = @organisationId", new { organisationId }, ct);
    }

    public async Task<ListPage<StoredOrganisation>> ListAsync(Page page, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await new ListQuery("organisations").PageAsync<StoredOrganisation>(connection, Columns, "lower(name), organisation_id", page.Offset, page.Size, ct);
    }

    /// <summary>Inserts the organisation unless its id or name exists; true when inserted.</summary>
    public static async Task<bool> InsertAsync(NpgsqlTransaction tx, StoredOrganisation organisation, CancellationToken ct) =>
        await Rows.ExecuteAsync(tx,
            """
            INSERT INTO organisations (organisation_id, name, version, created_at, updated_at)
            VALUES (@OrganisationId, @Name, @Version, @CreatedAt, @UpdatedAt)
            ON CONFLICT DO NOTHING
            """, organisation, ct) == 1;
}
