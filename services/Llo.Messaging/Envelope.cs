using System.Globalization;
using System.Text;
using RabbitMQ.Client;

namespace Llo.Messaging;

/// <summary>
/// The AMQP form of an event: body = the event as JSON; MessageId, Type, ContentType, persistent delivery;
/// headers <c>llo-version</c>, <c>llo-occurred-at</c>, <c>traceparent</c>, the aggregate's <c>llo-aggregate-id</c> and
/// <c>llo-aggregate-version</c> when the publisher named them, and, on retries, <c>llo-attempt</c>.
/// </summary>
internal sealed record Envelope(
    Guid MessageId, string Type, int Version, DateTimeOffset OccurredAt, string? TraceParent, int Attempt,
    string? AggregateId = null, long? AggregateVersion = null)
{
    public const string VersionHeader = "llo-version";
    public const string OccurredAtHeader = "llo-occurred-at";
    public const string TraceParentHeader = "traceparent";
    public const string AttemptHeader = "llo-attempt";
    public const string AggregateIdHeader = "llo-aggregate-id";
    public const string AggregateVersionHeader = "llo-aggregate-version";

    // Events are recorded by a service of this platform: an instant far outside this range is a corrupt header.
    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan ClockSkew = TimeSpan.FromDays(1);

    public BasicProperties ToProperties()
    {
        var headers = new Dictionary<string, object?>
        {
            [VersionHeader] = Version,
            [OccurredAtHeader] = OccurredAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        };
        if (TraceParent is not null) headers[TraceParentHeader] = TraceParent;
        if (Attempt > 1) headers[AttemptHeader] = Attempt;
        if (AggregateId is not null) headers[AggregateIdHeader] = AggregateId;
        if (AggregateVersion is not null) headers[AggregateVersionHeader] = AggregateVersion.Value;

        return new BasicProperties
        {
            MessageId = MessageId.ToString(),
            Type = Type,
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
            Timestamp = new AmqpTimestamp(OccurredAt.ToUnixTimeSeconds()),
            Headers = headers,
        };
    }

    /// <summary>
    /// Reads an envelope strictly: null with the reason when a required part is missing or malformed (no message id,
    /// type, version or occurred-at; an instant out of range; an attempt or aggregate header of the wrong kind).
    /// Such a message is not one of ours and is dead-lettered without reaching a handler.
    /// </summary>
    public static Envelope? TryRead(IReadOnlyBasicProperties properties, DateTimeOffset now, out string problem)
    {
        var headers = properties.Headers;
        problem = "";
        if (!Guid.TryParse(properties.MessageId, out var messageId)) problem = "no message id";
        else if (string.IsNullOrEmpty(properties.Type)) problem = "no type";
        else if (Number(headers, VersionHeader) is not { } version || version is < 1 or > int.MaxValue) problem = $"no valid {VersionHeader} header";
        else if (!TryInstant(Text(headers, OccurredAtHeader), now, out var occurredAt)) problem = $"no valid {OccurredAtHeader} header";
        else if (headers?.ContainsKey(AttemptHeader) == true && Number(headers, AttemptHeader) is not (> 0 and <= int.MaxValue)) problem = $"an invalid {AttemptHeader} header";
        else if (headers?.ContainsKey(AggregateVersionHeader) == true && Number(headers, AggregateVersionHeader) is null)
            problem = $"an invalid {AggregateVersionHeader} header";
        else
        {
            return new Envelope(messageId, properties.Type, (int)version, occurredAt, Text(headers, TraceParentHeader),
                (int)(Number(headers, AttemptHeader) ?? 1), Text(headers, AggregateIdHeader), Number(headers, AggregateVersionHeader));
        }
        return null;
    }

    private static bool TryInstant(string? text, DateTimeOffset now, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant)
        && instant >= Earliest && instant <= now + ClockSkew;

    // AMQP hands string headers back as byte arrays and numbers as whatever width they were sent with.
    private static string? Text(IDictionary<string, object?>? headers, string name) =>
        headers?.TryGetValue(name, out var value) == true
            ? value switch { byte[] bytes => Encoding.UTF8.GetString(bytes), string s => s, _ => null }
            : null;

    private static long? Number(IDictionary<string, object?>? headers, string name) =>
        headers?.TryGetValue(name, out var value) == true
            ? value switch
            {
                int i => i, long l => l, short s => s, byte b => b, uint u => u, ushort us => us, sbyte sb => sb,
                byte[] bytes when long.TryParse(Encoding.UTF8.GetString(bytes), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => null,
            }
            : null;
}
