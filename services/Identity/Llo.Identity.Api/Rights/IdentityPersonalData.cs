using Llo.Contracts.Events;
using Llo.Messaging;
using Llo.Persistence;
using Npgsql;

namespace Llo.Identity.Api.Rights;

/// <summary>
/// Identity's own part of people's rights: the account (user row, organisation, roles), the invitations sent to the
/// person's addresses and their sessions. An erased account is anonymised rather than deleted: its id stays, so
/// accepted invitations and the audit trail (which names actors by id only) still point at a row, and the hash chain of
/// the audit log is never touched; the person's name, address, password and roles are gone and nobody can log in to it.
/// </summary>
public static class IdentityPersonalData
{
    public const string Service = "identity";

    public static async Task<object> ExportAsync(NpgsqlTransaction tx, PersonRef person, CancellationToken ct)
    {
        var accounts = await Rows.QueryAsync<AccountRow>(tx.Connection!, tx,
            """
            SELECT u.user_id, u.email, u.display_name, u.roles, u.organisation_id, o.name AS organisation_name, u.created_at, u.updated_at
            FROM users u JOIN organisations o ON o.organisation_id = u.organisation_id
            WHERE u.user_id = @userId OR lower(u.email) = ANY (@emails)
            ORDER BY u.created_at
            """, new { userId = person.UserId, emails = person.EmailAddresses.ToArray() }, ct);
        var invitations = await Rows.QueryAsync<InvitationRow>(tx.Connection!, tx,
            """
            SELECT invitation_id, organisation_id, email, roles, created_at, expires_at, accepted_at
            FROM invitations WHERE user_id = @userId OR lower(email) = ANY (@emails)
            ORDER BY created_at
            """, new { userId = person.UserId, emails = person.EmailAddresses.ToArray() }, ct);
        var consents = await Rows.QueryAsync<Consents.StoredConsent>(tx.Connection!, tx,
            $"SELECT {Consents.ConsentStore.Columns} FROM consents WHERE person_id = @userId OR given_by = @userId ORDER BY given_at",
            new { userId = person.UserId }, ct);
        var guardianships = await Rows.QueryAsync<Guardianships.StoredGuardianship>(tx.Connection!, tx,
            $"SELECT {Guardianships.GuardianshipStore.Columns} FROM guardianships WHERE parent_id = @userId OR child_id = @userId ORDER BY created_at",
            new { userId = person.UserId }, ct);
        return new
        {
            accounts = accounts.Select(a => new
            {
                id = a.UserId, email = a.Email, displayName = a.DisplayName, roles = a.Roles,
                organisation = new { id = a.OrganisationId, name = a.OrganisationName }, createdAt = a.CreatedAt, updatedAt = a.UpdatedAt,
            }),
            invitations = invitations.Select(i => new
            {
                id = i.InvitationId, email = i.Email, organisationId = i.OrganisationId, roles = i.Roles,
                createdAt = i.CreatedAt, expiresAt = i.ExpiresAt, acceptedAt = i.AcceptedAt,
            }),
            consents = consents.Select(c => new
            {
                id = c.ConsentId, personId = c.PersonId, purpose = c.Purpose, purposeVersion = c.PurposeVersion, givenBy = c.GivenBy,
                relation = c.Relation, childBirthDate = c.ChildBirthDate, givenAt = c.GivenAt, withdrawnAt = c.WithdrawnAt,
            }),
            guardianships = guardianships.Select(g => new
            {
                id = g.GuardianshipId, parentId = g.ParentId, childId = g.ChildId, organisationId = g.OrganisationId, createdAt = g.CreatedAt,
            }),
        };
    }

    /// <summary>Anonymises the account, deletes pending invitations, consents, guardianships and sessions; returns the number of records changed.</summary>
    public static async Task<int> EraseAsync(NpgsqlTransaction tx, PersonRef person, DateTimeOffset now, CancellationToken ct)
    {
        var parameters = new { userId = person.UserId, emails = person.EmailAddresses.ToArray(), now };
        var userIds = (await Rows.QueryAsync<Guid>(tx.Connection!, tx,
            "SELECT user_id FROM users WHERE (user_id = @userId OR lower(email) = ANY (@emails)) AND erased_at IS NULL FOR UPDATE",
            parameters, ct)).ToArray();
        var count = await Rows.ExecuteAsync(tx,
            """
            UPDATE invitations i SET email = 'gewist-' || i.user_id || '@gewist.invalid'
            WHERE i.user_id = ANY (@userIds) OR (i.user_id IS NOT NULL AND lower(i.email) = ANY (@emails))
            """, new { userIds, parameters.emails }, ct);
        count += await Rows.ExecuteAsync(tx,
            "DELETE FROM invitations WHERE user_id IS NULL AND lower(email) = ANY (@emails)", parameters, ct);
        count += await Rows.ExecuteAsync(tx,
            """
            UPDATE users SET email = 'gewist-' || user_id || '@gewist.invalid', display_name = 'Gewiste gebruiker',
                password_hash = '', roles = '{}', failed_logins = 0, locked_until = 'infinity', erased_at = @now,
                version = version + 1, updated_at = @now
            WHERE user_id = ANY (@userIds)
            """, new { userIds, now }, ct);
        // Consents about the person go with them; services that cached one in force learn it is withdrawn.
        var consents = await Rows.QueryAsync<Consents.StoredConsent>(tx.Connection!, tx,
            $"DELETE FROM consents WHERE person_id = @userId OR person_id = ANY (@userIds) RETURNING {Consents.ConsentStore.Columns}",
            new { userId = person.UserId, userIds }, ct);
        foreach (var consent in consents.Where(c => c.WithdrawnAt is null))
        {
            await Outbox.EnqueueAsync(tx, new ConsentWithdrawn(consent.ConsentId, consent.PersonId, consent.Purpose),
                consent.ConsentId.ToString(), consent.Version + 1, ct);
        }

        count += consents.Count;
        // The person's links as parent or as child go with them; services that follow them learn it.
        var links = await Rows.QueryAsync<Guardianships.StoredGuardianship>(tx.Connection!, tx,
            $"""
            DELETE FROM guardianships WHERE parent_id = ANY (@userIds) OR child_id = ANY (@userIds) OR child_id = @userId
            RETURNING {Guardianships.GuardianshipStore.Columns}
            """, new { userId = person.UserId, userIds }, ct);
        foreach (var link in links)
        {
            await Outbox.EnqueueAsync(tx, new GuardianshipRemoved(link.GuardianshipId, link.ParentId, link.ChildId),
                link.GuardianshipId.ToString(), link.Version + 1, ct);
        }

        count += links.Count;
        var subjects = userIds.Select(id => id.ToString("D")).ToArray();
        count += await Rows.ExecuteAsync(tx, """DELETE FROM "OpenIddictTokens" WHERE "Subject" = ANY (@subjects)""", new { subjects }, ct);
        count += await Rows.ExecuteAsync(tx, """DELETE FROM "OpenIddictAuthorizations" WHERE "Subject" = ANY (@subjects)""", new { subjects }, ct);
        return count;
    }

    internal sealed record AccountRow
    {
        public Guid UserId { get; init; }
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string[] Roles { get; init; } = [];
        public Guid OrganisationId { get; init; }
        public string OrganisationName { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
    }

    internal sealed record InvitationRow
    {
        public Guid InvitationId { get; init; }
        public Guid OrganisationId { get; init; }
        public string Email { get; init; } = "";
        public string[] Roles { get; init; } = [];
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset ExpiresAt { get; init; }
        public DateTimeOffset? AcceptedAt { get; init; }
    }
}
