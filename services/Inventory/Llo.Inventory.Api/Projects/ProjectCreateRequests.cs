using System.Security.Cryptography;
using Google.Protobuf;
using Llo.Persistence;
using Llo.Validation;
using Npgsql;
using Contract = Llo.Contracts.Inventory.V1;

namespace Llo.Inventory.Api.Projects;

/// <summary>
/// Remembers which project a registration's request id produced, so that a client retrying after a lost answer (a
/// timeout, a dropped connection, a 502 from the gateway) gets the project back instead of registering a twin. The
/// id is claimed in the registration's own transaction: of two concurrent attempts with one id, the second waits for
/// the first and then finds its project.
/// </summary>
public static class ProjectCreateRequests
{
    /// <summary>How long an id is remembered: far longer than any client retries.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    public sealed record Claim(Guid RequestId, string Subject, byte[] Fingerprint);

    /// <summary>The claim a request carries, or null without a request id; a malformed id is added to <paramref name="violations"/>.</summary>
    public static Claim? Read(Contract.CreateProjectRequest request, string subject, FieldViolations violations)
    {
        if (string.IsNullOrWhiteSpace(request.RequestId))
        {
            return null;
        }

        if (Resource.TryParseId(request.RequestId) is not { } id)
        {
            violations.Add("requestId", $"Geen geldige requestId \"{Echo.Of(request.RequestId)}\" (verwacht een UUID die u per registratie kiest).");
            return null;
        }

        var withoutId = request.Clone();
        withoutId.RequestId = "";
        return new Claim(id, subject, SHA256.HashData(withoutId.ToByteArray()));
    }

    /// <summary>
    /// The project an earlier attempt with this claim's id registered, or null when the id is new. An id used before by
    /// another caller or for another request is refused: its answer would not be the answer to this request.
    /// </summary>
    public static async Task<Guid?> EarlierAsync(NpgsqlConnection connection, Claim claim, CancellationToken ct)
    {
        var earlier = await Rows.FindAsync<Row>(connection, null,
            "SELECT subject, fingerprint, project_id FROM project_create_requests WHERE request_id = @RequestId AND created_at > now() - @Retention",
            new { claim.RequestId, Retention }, ct);
        if (earlier is null)
        {
            return null;
        }

        if (earlier.Subject != claim.Subject || !CryptographicOperations.FixedTimeEquals(earlier.Fingerprint, claim.Fingerprint))
        {
            new FieldViolations().Add("requestId", "Deze requestId is al gebruikt voor een ander verzoek; kies per registratie een nieuwe.").ThrowIfAny();
        }

        return earlier.ProjectId;
    }

    /// <summary>
    /// Claims the id for <paramref name="projectId"/> in the registration's transaction; false when another attempt
    /// holds it (that attempt committed first). An expired id is taken over, as if it had been dropped; expired ids are
    /// dropped here, a few at a time, as registrations come in.
    /// </summary>
    public static async Task<bool> TryClaimAsync(NpgsqlTransaction tx, Claim claim, Guid projectId, CancellationToken ct)
    {
        await Rows.ExecuteAsync(tx, """
            DELETE FROM project_create_requests WHERE request_id IN (
                SELECT request_id FROM project_create_requests WHERE created_at < now() - @Retention ORDER BY created_at LIMIT 100)
            """, new { Retention }, ct);
        return await Rows.ExecuteAsync(tx, """
            INSERT INTO project_create_requests (request_id, subject, fingerprint, project_id)
            VALUES (@RequestId, @Subject, @Fingerprint, @projectId)
            ON CONFLICT (request_id) DO UPDATE
                SET subject = EXCLUDED.subject, fingerprint = EXCLUDED.fingerprint, project_id = EXCLUDED.project_id, created_at = now()
                WHERE project_create_requests.created_at < now() - @Retention
            """, new { claim.RequestId, claim.Subject, claim.Fingerprint, projectId, Retention }, ct) == 1;
    }

    private sealed class Row
    {
        public string Subject { get; init; } = "";
        public byte[] Fingerprint { get; init; } = [];
        public Guid ProjectId { get; init; }
    }
}
