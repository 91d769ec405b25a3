using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Llo.Identity.Api.Audit;

/// <summary>
/// The hash of an entry: SHA-256 over its canonical form (a JSON array of every field in a fixed order, instants in
/// UTC to the microsecond, details sorted by key) followed by the previous entry's hash. Changing any field of any
/// entry, or removing or reordering one, breaks the chain from there on.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry ever: 32 zero bytes.</summary>
    public static readonly byte[] Genesis = new byte[32];

    public static byte[] Hash(StoredAuditEntry entry, byte[] previousHash)
    {
        var canonical = Canonical(entry);
        var input = new byte[canonical.Length + previousHash.Length];
        canonical.CopyTo(input, 0);
        previousHash.CopyTo(input, canonical.Length);
        return SHA256.HashData(input);
    }

    public static byte[] Canonical(StoredAuditEntry entry)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteNumberValue(entry.Sequence);
            json.WriteStringValue(entry.EntryId.ToString("D"));
            json.WriteStringValue(Instant(entry.OccurredAt));
            json.WriteStringValue(Instant(entry.RecordedAt));
            json.WriteStringValue(entry.Service);
            Optional(json, entry.Actor);
            Optional(json, entry.ActorOrganisation?.ToString("D"));
            Optional(json, entry.ClientId);
            json.WriteStringValue(entry.Action);
            json.WriteStringValue(entry.ResourceType);
            Optional(json, entry.ResourceId);
            json.WriteStartArray();
            foreach (var subject in entry.SubjectIds)
            {
                json.WriteStringValue(subject);
            }

            json.WriteEndArray();
            Optional(json, entry.CorrelationId);
            json.WriteStartObject();
            foreach (var (key, value) in entry.Details.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
            json.WriteEndArray();
        }

        return buffer.ToArray();
    }

    /// <summary>An instant as PostgreSQL keeps it (microseconds, UTC), so the stored row hashes as it did when appended.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset instant) =>
        new(instant.UtcTicks - instant.UtcTicks % 10, TimeSpan.Zero);

    private static string Instant(DateTimeOffset instant) =>
        Truncate(instant).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static void Optional(Utf8JsonWriter json, string? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(value);
        }
    }
}
