using Llo.Persistence;
using Npgsql;

namespace Llo.Identity.Api.Consents;

/// <summary>The SQL of the consents table.</summary>
public sealed class ConsentStore(NpgsqlDataSource dataSource)
{
    public const string Columns =
        "consent_id, person_id, purpose, purpose_version, given_by, relation, child_birth_date, given_at, withdrawn_at, version";

    /// <summary>Inserts the consent unless one for the same person and purpose is in force; true when inserted.</summary>
    public static async Task<bool> InsertAsync(NpgsqlTransaction tx, StoredConsent consent, CancellationToken ct) =>
        await Rows.ExecuteAsync(tx,
            $"""
            INSERT INTO consents ({Columns})
            VALUES (@ConsentId, @PersonId, @Purpose, @PurposeVersion, @GivenBy, @Relation, @ChildBirthDate, @GivenAt, NULL, 1)
            ON CONFLICT (person_id, purpose) WHERE withdrawn_at IS NULL DO NOTHING
            """, consent, ct) == 1;

    public static Task<StoredConsent?> LockAsync(NpgsqlTransaction tx, Guid consentId, CancellationToken ct) =>
        Rows.FindForUpdateAsync<StoredConsent>(tx, $"SELECT {Columns} FROM consents WHERE consent_id = @consentId", new { consentId }, ct);

    public static Task WithdrawAsync(NpgsqlTransaction tx, StoredConsent consent, CancellationToken ct) =>
        Rows.ExecuteAsync(tx, "UPDATE consents SET withdrawn_at = @WithdrawnAt, version = @Version WHERE consent_id = @ConsentId", consent, ct);

    public async Task<StoredConsent?> FindAsync(Guid consentId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await Rows.FindAsync<StoredConsent>(connection, null, $"SELECT {Columns} FROM consents WHERE consent_id = @consentId", new { consentId }, ct);
    }

    /// <summary>The consent not withdrawn for the person and purpose, if any.</summary>
    public async Task<StoredConsent?> FindNotWithdrawnAsync(Guid personId, string purpose, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await Rows.FindAsync<StoredConsent>(connection, null,
            $"SELECT {Columns} FROM consents WHERE person_id = @personId AND purpose = @purpose AND withdrawn_at IS NULL",
            new { personId, purpose }, ct);
    }

    /// <summary>The person's consents, newest first; only those given by <paramref name="givenBy"/> when it is set.</summary>
    public async Task<ListPage<StoredConsent>> ListAsync(Guid personId, Guid? givenBy, Page page, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var query = new ListQuery("consents").Filter("person_id = @personId", "personId", personId);
        if (givenBy is { } giver)
        {
            query = query.Filter("given_by = @givenBy", "givenBy", giver);
        }

        return await query.PageAsync<StoredConsent>(connection, Columns, "given_at DESC, consent_id", page.Offset, page.Size, ct);
    }
}
