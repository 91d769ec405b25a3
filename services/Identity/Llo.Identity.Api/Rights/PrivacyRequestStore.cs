using Llo.Persistence;
using Npgsql;

namespace Llo.Identity.Api.Rights;

/// <summary>The SQL of privacy_requests and privacy_request_answers.</summary>
public sealed class PrivacyRequestStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "request_id, kind, subject_user_id, subject_emails, requested_by, requested_at, expected_services, completed_at, expires_at";

    public static Task InsertAsync(NpgsqlTransaction tx, StoredPrivacyRequest request, CancellationToken ct) =>
        Rows.ExecuteAsync(tx,
            $"""
            INSERT INTO privacy_requests ({Columns})
            VALUES (@RequestId, @Kind, @SubjectUserId, @SubjectEmails, @RequestedBy, @RequestedAt, @ExpectedServices, @CompletedAt, @ExpiresAt)
            """, request, ct);

    /// <summary>The account the request is about, if the person has one.</summary>
    public static Task<Guid?> SubjectOfAsync(NpgsqlTransaction tx, Guid requestId, CancellationToken ct) =>
        Rows.FindAsync<Guid?>(tx.Connection!, tx, "SELECT subject_user_id FROM privacy_requests WHERE request_id = @requestId", new { requestId }, ct);

    /// <summary>
    /// Records <paramref name="answer"/> once (a repeated answer changes nothing) when the request exists and expects the
    /// service, and completes the request when it was the last one missing. False when the answer was not recorded.
    /// </summary>
    public static async Task<bool> AnswerAsync(NpgsqlTransaction tx, StoredPrivacyAnswer answer, CancellationToken ct)
    {
        var recorded = await Rows.ExecuteAsync(tx,
            """
            INSERT INTO privacy_request_answers (request_id, service, answered_at, erased_count, part)
            SELECT @RequestId, @Service, @AnsweredAt, @ErasedCount, CAST(@Part AS jsonb)
            FROM privacy_requests WHERE request_id = @RequestId AND @Service = ANY (expected_services)
            ON CONFLICT (request_id, service) DO NOTHING
            """, answer, ct) == 1;
        if (recorded)
        {
            await Rows.ExecuteAsync(tx,
                """
                UPDATE privacy_requests r SET completed_at = @AnsweredAt
                WHERE r.request_id = @RequestId AND r.completed_at IS NULL
                  AND (SELECT count(*) FROM privacy_request_answers a
                       WHERE a.request_id = r.request_id AND a.service = ANY (r.expected_services)) = cardinality(r.expected_services)
                """, answer, ct);
        }

        return recorded;
    }

    public async Task<(StoredPrivacyRequest Request, IReadOnlyList<StoredPrivacyAnswer> Answers)?> FindAsync(Guid requestId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var request = await Rows.FindAsync<StoredPrivacyRequest>(connection, null,
            $"SELECT {Columns} FROM privacy_requests WHERE request_id = @requestId", new { requestId }, ct);
        if (request is null)
        {
            return null;
        }

        var answers = await Rows.QueryAsync<StoredPrivacyAnswer>(connection, null,
            "SELECT request_id, service, answered_at, erased_count, part::text AS part FROM privacy_request_answers WHERE request_id = @requestId",
            new { requestId }, ct);
        return (request, answers);
    }

    /// <summary>Deletes the requests (with their documents) that expired before <paramref name="now"/>; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var deleted = await Rows.ExecuteAsync(tx, "DELETE FROM privacy_requests WHERE expires_at <= @now", new { now }, ct);
        await tx.CommitAsync(ct);
        return deleted;
    }
}
