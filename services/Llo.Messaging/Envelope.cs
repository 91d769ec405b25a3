using System.Globalization;
using System.Text;
using RabbitMQ.Client;

namespace Llo.Messaging;

/// <summary>
/// The AMQP form of an event: body = the event as JSON; MessageId, Type, ContentType, persistent delivery;
/// headers <c>llo-version</c>, <c>llo-occurred-at</c>, <c>traceparent</c> and, on retries, <c>llo-attempt</c>.
/// </summary>
internal sealed record Envelope(Guid MessageId, string Type, int Version, DateTimeOffset OccurredAt, string? TraceParent, int Attempt)
{
    public const string VersionHeader = "llo-version";
    public const string OccurredAtHeader = "llo-occurred-at";
    public const string TraceParentHeader = "traceparent";
    public const string AttemptHeader = "llo-attempt";

    public BasicProperties ToProperties()
    {
        var headers = new Dictionary<string, object?>
        {
            [VersionHeader] = Version,
            [OccurredAtHeader] = OccurredAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        };
        if (TraceParent is not null) headers[TraceParentHeader] = TraceParent;
        if (Attempt > 1) headers[AttemptHeader] = Attempt;

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

    /// <summary>Reads an envelope; null when the message is not one of ours (no id or type), which is then dead-lettered.</summary>
    public static Envelope? TryRead(IReadOnlyBasicProperties properties)
    {
        if (!Guid.TryParse(properties.MessageId, out var messageId) || string.IsNullOrEmpty(properties.Type)) return null;
        var headers = properties.Headers;
        var occurredAt = DateTimeOffset.TryParse(Text(headers, OccurredAtHeader), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var at) ? at : DateTimeOffset.FromUnixTimeSeconds(properties.Timestamp.UnixTime);
        return new Envelope(messageId, properties.Type, Number(headers, VersionHeader) ?? 1, occurredAt,
            Text(headers, TraceParentHeader), Math.Max(1, Number(headers, AttemptHeader) ?? 1));
    }

    // AMQP hands string headers back as byte arrays and numbers as whatever width they were sent with.
    private static string? Text(IDictionary<string, object?>? headers, string name) =>
        headers?.TryGetValue(name, out var value) == true
            ? value switch { byte[] bytes => Encoding.UTF8.GetString(bytes), string s => s, _ => null }
            : null;

    private static int? Number(IDictionary<string, object?>? headers, string name) =>
        headers?.TryGetValue(name, out var value) == true
            ? value switch
            {
                int i => i, long l => (int)l, short s => s, byte b => b,
                byte[] bytes when int.TryParse(Encoding.UTF8.GetString(bytes), out var parsed) => parsed,
                _ => null,
            }
            : null;
}
