using System.Text.Json;
using Llo.Contracts.Events;
using Llo.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Llo.Identity.Api.Audit;

/// <summary>The SQL of the audit log: the serialised append, the pages the privacy officer reads, the chain in order.</summary>
public static class AuditLog
{
    public const string Columns =
        "sequence, entry_id, occurred_at, recorded_at, service, actor, actor_organisation, client_id, action, resource_type, " +
        "resource_id, subject_ids, correlation_id, details::text AS details_json, previous_hash, hash";

    /// <summary>The chain's head and anchor (see 010_audit_entries.sql).</summary>
    public sealed record Head(long LastSequence, byte[] LastHash, long AnchorSequence, byte[] AnchorHash);

    private const string HeadColumns = "last_sequence, last_hash, anchor_sequence, anchor_hash";

    /// <summary>The head, locked until <paramref name="tx"/> ends: appends and the retention job take turns on it.</summary>
    public static async Task<Head> LockHeadAsync(NpgsqlTransaction tx, CancellationToken ct) =>
        await Rows.FindAsync<Head>(tx.Connection!, tx, $"SELECT {HeadColumns} FROM audit_chain WHERE id = 1 FOR UPDATE", new { }, ct)
        ?? throw new InvalidOperationException("The audit chain has no head row.");

    public static async Task<Head> ReadHeadAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, CancellationToken ct) =>
        await Rows.FindAsync<Head>(connection, tx, $"SELECT {HeadColumns} FROM audit_chain WHERE id = 1", new { }, ct)
        ?? throw new InvalidOperationException("The audit chain has no head row.");

    /// <summary>
    /// Appends <paramref name="recorded"/> as the chain's next entry inside <paramref name="tx"/>, unless an entry with its id
    /// is in the log already (a redelivery); true when appended.
    /// </summary>
    public static async Task<bool> AppendAsync(NpgsqlTransaction tx, AuditRecorded recorded, DateTimeOffset recordedAt, CancellationToken ct)
    {
        var head = await LockHeadAsync(tx, ct);
        var known = await Rows.FindAsync<long?>(tx.Connection!, tx,
            "SELECT sequence FROM audit_entries WHERE entry_id = @EntryId", new { recorded.EntryId }, ct);
        if (known is not null)
        {
            return false;
        }

        var entry = new StoredAuditEntry
        {
            Sequence = head.LastSequence + 1,
            EntryId = recorded.EntryId,
            OccurredAt = AuditChain.Truncate(recorded.OccurredAt),
            RecordedAt = AuditChain.Truncate(recordedAt),
            Service = recorded.Service,
            Actor = recorded.Actor,
            ActorOrganisation = recorded.ActorOrganisation,
            ClientId = recorded.ClientId,
            Action = recorded.Action,
            ResourceType = recorded.ResourceType,
            ResourceId = recorded.ResourceId,
            SubjectIds = [.. recorded.SubjectIds],
            CorrelationId = recorded.CorrelationId,
            Details = new Dictionary<string, string>(recorded.Details, StringComparer.Ordinal),
            PreviousHash = head.LastHash,
        };
        entry = entry with { Hash = AuditChain.Hash(entry, head.LastHash) };

        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO audit_entries (sequence, entry_id, occurred_at, recorded_at, service, actor, actor_organisation, client_id,
                action, resource_type, resource_id, subject_ids, correlation_id, details, previous_hash, hash)
            VALUES (@sequence, @entry_id, @occurred_at, @recorded_at, @service, @actor, @actor_organisation, @client_id,
                @action, @resource_type, @resource_id, @subject_ids, @correlation_id, @details, @previous_hash, @hash)
            """, tx.Connection, tx))
        {
            var p = insert.Parameters;
            p.AddWithValue("sequence", entry.Sequence);
            p.AddWithValue("entry_id", entry.EntryId);
            p.AddWithValue("occurred_at", entry.OccurredAt);
            p.AddWithValue("recorded_at", entry.RecordedAt);
            p.AddWithValue("service", entry.Service);
            p.AddWithValue("actor", NpgsqlDbType.Text, (object?)entry.Actor ?? DBNull.Value);
            p.AddWithValue("actor_organisation", NpgsqlDbType.Uuid, (object?)entry.ActorOrganisation ?? DBNull.Value);
            p.AddWithValue("client_id", NpgsqlDbType.Text, (object?)entry.ClientId ?? DBNull.Value);
            p.AddWithValue("action", entry.Action);
            p.AddWithValue("resource_type", entry.ResourceType);
            p.AddWithValue("resource_id", NpgsqlDbType.Text, (object?)entry.ResourceId ?? DBNull.Value);
            p.AddWithValue("subject_ids", NpgsqlDbType.Array | NpgsqlDbType.Text, entry.SubjectIds);
            p.AddWithValue("correlation_id", NpgsqlDbType.Text, (object?)entry.CorrelationId ?? DBNull.Value);
            p.AddWithValue("details", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(entry.Details));
            p.AddWithValue("previous_hash", entry.PreviousHash);
            p.AddWithValue("hash", entry.Hash);
            await insert.ExecuteNonQueryAsync(ct);
        }

        await Rows.ExecuteAsync(tx, "UPDATE audit_chain SET last_sequence = @Sequence, last_hash = @Hash WHERE id = 1",
            new { entry.Sequence, entry.Hash }, ct);
        return true;
    }

    /// <summary>Up to <paramref name="limit"/> entries after <paramref name="afterSequence"/>, in chain order.</summary>
    public static async Task<IReadOnlyList<StoredAuditEntry>> ChainAsync(
        NpgsqlConnection connection, NpgsqlTransaction? tx, long afterSequence, int limit, CancellationToken ct) =>
        (await Rows.QueryAsync<Row>(connection, tx,
            $"SELECT {Columns} FROM audit_entries WHERE sequence > @afterSequence ORDER BY sequence LIMIT @limit",
            new { afterSequence, limit }, ct)).Select(r => r.ToStored()).ToList();

    /// <summary>An audit_entries row as read, the details as JSON text.</summary>
    public sealed class Row
    {
        public long Sequence { get; init; }
        public Guid EntryId { get; init; }
        public DateTimeOffset OccurredAt { get; init; }
        public DateTimeOffset RecordedAt { get; init; }
        public string Service { get; init; } = "";
        public string? Actor { get; init; }
        public Guid? ActorOrganisation { get; init; }
        public string? ClientId { get; init; }
        public string Action { get; init; } = "";
        public string ResourceType { get; init; } = "";
        public string? ResourceId { get; init; }
        public string[] SubjectIds { get; init; } = [];
        public string? CorrelationId { get; init; }
        public string DetailsJson { get; init; } = "{}";
        public byte[] PreviousHash { get; init; } = [];
        public byte[] Hash { get; init; } = [];

        public StoredAuditEntry ToStored() => new()
        {
            Sequence = Sequence, EntryId = EntryId, OccurredAt = OccurredAt, RecordedAt = RecordedAt, Service = Service,
            Actor = Actor, ActorOrganisation = ActorOrganisation, ClientId = ClientId, Action = Action,
            ResourceType = ResourceType, ResourceId = ResourceId, SubjectIds = SubjectIds, CorrelationId = CorrelationId,
            Details = JsonSerializer.Deserialize<Dictionary<string, string>>(DetailsJson) ?? [],
            PreviousHash = PreviousHash, Hash = Hash,
        };
    }
}
