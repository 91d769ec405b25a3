using Google.Protobuf;

namespace Llo.Matching.Api.Storage;

/// <summary>
/// A contract message as the jsonb of its row: the contract's own JSON, so a stored twin reads back exactly as it was
/// written; a field added later reads as its default, and one removed later is ignored.
/// </summary>
public static class ProtoJson
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static string Write(IMessage message) => JsonFormatter.Default.Format(message);

    public static T Read<T>(string json) where T : IMessage<T>, new() => Parser.Parse<T>(json);
}
