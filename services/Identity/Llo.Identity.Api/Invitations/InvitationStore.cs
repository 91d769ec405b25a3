using Llo.Persistence;
using Npgsql;

namespace Llo.Identity.Api.Invitations;

/// <summary>The SQL of the invitations table.</summary>
public sealed class InvitationStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "invitation_id, organisation_id, email, roles, created_at, expires_at, accepted_at";

    public static Task InsertAsync(NpgsqlTransaction tx, StoredInvitation invitation, byte[] tokenHash, string invitedBy, CancellationToken ct) =>
        Rows.ExecuteAsync(tx,
            """
            INSERT INTO invitations (invitation_id, organisation_id, email, roles, token_hash, invited_by, created_at, expires_at)
            VALUES (@InvitationId, @OrganisationId, @Email, @Roles, @tokenHash, @invitedBy, @CreatedAt, @ExpiresAt)
            """,
            new { invitation.InvitationId, invitation.OrganisationId, invitation.Email, invitation.Roles, tokenHash, invitedBy, invitation.CreatedAt, invitation.ExpiresAt },
            ct);

    public static Task<StoredInvitation?> LockByTokenAsync(NpgsqlTransaction tx, byte[] tokenHash, CancellationToken ct) =>
        Rows.FindForUpdateAsync<StoredInvitation>(tx, $"SELECT {Columns} FROM invitations WHERE token_hash = @tokenHash", new { tokenHash }, ct);

    public static Task MarkAcceptedAsync(NpgsqlTransaction tx, Guid invitationId, Guid userId, DateTimeOffset at, CancellationToken ct) =>
        Rows.ExecuteAsync(tx, "UPDATE invitations SET accepted_at = @at, user_id = @userId WHERE invitation_id = @invitationId",
            new { invitationId, userId, at }, ct);

    public async Task<ListPage<StoredInvitation>> ListAsync(Guid organisationId, Page page, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await new ListQuery("invitations").Filter("organisation_id = @organisationId", "organisationId", organisationId)
            .PageAsync<StoredInvitation>(connection, Columns, "created_at DESC, invitation_id", page.Offset, page.Size, ct);
    }
}
