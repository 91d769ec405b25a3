using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Google.Protobuf.Reflection;

namespace Llo.Hosting.Json;

/// <summary>
/// Reads a JSON body once against the protobuf descriptor of what transcoding will deserialise, and reports the
/// first value transcoding would refuse: malformed JSON, a wrong JSON type, an unknown enum name, a number out of
/// range, null inside a list. It accepts what transcoding accepts (JSON and proto field names, enum names and
/// numbers, int64 as string, unknown fields ignored) and leaves everything else (null for a single value, content
/// rules) to transcoding and the service's own validation. It never builds the message: it only walks the tokens.
/// </summary>
internal sealed class JsonBodyWalker
{
    private static readonly ConcurrentDictionary<MessageDescriptor, Dictionary<string, FieldDescriptor>> FieldsByName = new();

    private readonly string _root;
    private readonly List<(string? Name, int Index)> _path = [];
    private RequestProblem? _problem;

    private JsonBodyWalker(string root) => _root = root;

    public static RequestProblem? Check(ReadOnlySpan<byte> json, TranscodedBody body)
    {
        var walker = new JsonBodyWalker(body.Root);
        var reader = new Utf8JsonReader(json);
        try
        {
            reader.Read();
            var ok = body.Field is { } field
                ? walker.Value(ref reader, field)
                : walker.RootMessage(ref reader, body.Message!);
            if (ok)
            {
                // Anything after the first complete value is malformed JSON; the reader throws on it.
                reader.Read();
            }
        }
        catch (JsonException exception)
        {
            walker._problem ??= walker.Problem(
                $"Dit is geen geldige JSON (regel {exception.LineNumber + 1}, teken {exception.BytePositionInLine + 1}).", "malformed JSON");
        }
        catch (InvalidOperationException)
        {
            walker._problem ??= walker.Problem("Deze tekst bevat ongeldige tekens.", "invalid text encoding");
        }

        return walker._problem;
    }

    private bool RootMessage(ref Utf8JsonReader reader, MessageDescriptor message) =>
        reader.TokenType == JsonTokenType.Null
            ? Fail(Expected("een JSON-object", reader), "wrong JSON type")
            : MessageValue(ref reader, message);

    private bool Value(ref Utf8JsonReader reader, FieldDescriptor field)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            // Transcoding takes null for one value as "not given", but cannot assign it to a list or map.
            return !(field.IsRepeated || field.IsMap)
                || Fail(field.IsMap ? "Laat het veld weg of stuur {}, niet null." : "Laat het veld weg of stuur [], niet null.", "null list");
        }

        if (field.IsMap)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return Fail(Expected("een JSON-object", reader), "wrong JSON type");
            }

            var valueField = field.MessageType.FindFieldByNumber(2);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                _path.Add((reader.GetString(), -1));
                reader.Read();
                if (!Single(ref reader, valueField))
                {
                    return false;
                }

                _path.RemoveAt(_path.Count - 1);
            }

            return true;
        }

        if (field.IsRepeated)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return Fail(Expected("een lijst (JSON-array)", reader), "wrong JSON type");
            }

            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                _path.Add((null, index++));
                if (reader.TokenType == JsonTokenType.Null)
                {
                    return Fail("Een lijst mag geen null bevatten.", "null in list");
                }

                if (!Single(ref reader, field))
                {
                    return false;
                }

                _path.RemoveAt(_path.Count - 1);
            }

            return true;
        }

        return Single(ref reader, field);
    }

    private bool Single(ref Utf8JsonReader reader, FieldDescriptor field)
    {
        var token = reader.TokenType;
        if (token == JsonTokenType.Null)
        {
            return true;
        }

        switch (field.FieldType)
        {
            case FieldType.String:
                return token == JsonTokenType.String ? ValidText(ref reader) : Fail(Expected("tekst (een JSON-string)", reader), "wrong JSON type");
            case FieldType.Bool:
                return token is JsonTokenType.True or JsonTokenType.False || Fail(Expected("true of false", reader), "wrong JSON type");
            case FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32:
                return WholeNumber(ref reader, int.MinValue, int.MaxValue, allowString: false);
            case FieldType.UInt32 or FieldType.Fixed32:
                return WholeNumber(ref reader, 0, uint.MaxValue, allowString: false);
            case FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64:
                return WholeNumber(ref reader, long.MinValue, long.MaxValue, allowString: true);
            case FieldType.UInt64 or FieldType.Fixed64:
                return WholeNumber(ref reader, 0, ulong.MaxValue, allowString: true);
            case FieldType.Double or FieldType.Float:
                return RealNumber(ref reader, field.FieldType == FieldType.Float);
            case FieldType.Bytes:
                return token == JsonTokenType.String || Fail(Expected("base64-tekst (een JSON-string)", reader), "wrong JSON type");
            case FieldType.Enum:
                return EnumValue(ref reader, field.EnumType);
            case FieldType.Message:
                return MessageValue(ref reader, field.MessageType);
            default:
                reader.Skip();
                return true;
        }
    }

    private bool MessageValue(ref Utf8JsonReader reader, MessageDescriptor message)
    {
        switch (message.FullName)
        {
            case "google.protobuf.Timestamp" or "google.protobuf.Duration" or "google.protobuf.FieldMask":
                return reader.TokenType == JsonTokenType.String || Fail(Expected("tekst (een JSON-string)", reader), "wrong JSON type");
            case "google.protobuf.Value":
                reader.Skip();
                return true;
            case "google.protobuf.ListValue":
                return SkipAs(ref reader, JsonTokenType.StartArray, "een lijst (JSON-array)");
            case "google.protobuf.Struct" or "google.protobuf.Any" or "google.protobuf.Empty":
                return SkipAs(ref reader, JsonTokenType.StartObject, "een JSON-object");
        }

        if (message.File.Package == "google.protobuf" && message.Name.EndsWith("Value", StringComparison.Ordinal))
        {
            // Wrappers (StringValue, Int32Value, ...) are written as their bare value.
            return Single(ref reader, message.FindFieldByNumber(1));
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return Fail(Expected("een JSON-object", reader), "wrong JSON type");
        }

        var fields = FieldsByName.GetOrAdd(message, FieldMap);
        HashSet<OneofDescriptor>? oneofs = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (!fields.TryGetValue(name, out var field))
            {
                reader.Skip(); // unknown fields are ignored, as transcoding does
                continue;
            }

            _path.Add((name, 0));
            if (field.RealContainingOneof is { } oneof && reader.TokenType != JsonTokenType.Null && !(oneofs ??= []).Add(oneof))
            {
                return Fail($"Vul hoogstens één van deze velden in: {string.Join(", ", oneof.Fields.Select(f => f.JsonName))}.", "two oneof values");
            }

            if (!Value(ref reader, field))
            {
                return false;
            }

            _path.RemoveAt(_path.Count - 1);
        }

        return true;
    }

    /// <summary>Both the proto name and the JSON name are read; the JSON name wins where they collide.</summary>
    private static Dictionary<string, FieldDescriptor> FieldMap(MessageDescriptor message)
    {
        var map = new Dictionary<string, FieldDescriptor>(StringComparer.Ordinal);
        foreach (var field in message.Fields.InFieldNumberOrder())
        {
            map[field.Name] = field;
        }

        foreach (var field in message.Fields.InFieldNumberOrder())
        {
            map[field.JsonName] = field;
        }

        return map;
    }

    private bool EnumValue(ref Utf8JsonReader reader, EnumDescriptor enumType)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String when enumType.FindValueByName(reader.GetString()!) is not null:
            case JsonTokenType.Number when reader.TryGetInt32(out _):
                return true;
        }

        var given = reader.TokenType switch
        {
            JsonTokenType.String => $"\"{ProtoText.Echo(reader.GetString()!)}\" is geen toegestane waarde",
            JsonTokenType.Number => "Dit nummer is geen toegestane waarde",
            _ => $"Verwacht een naam, niet {Kind(reader)}",
        };
        return Fail($"{given}. Toegestaan: {ProtoText.AcceptedNames(enumType)} (of het nummer van de waarde).", "unknown enum value");
    }

    private bool WholeNumber(ref Utf8JsonReader reader, decimal min, decimal max, bool allowString)
    {
        decimal value;
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (!reader.TryGetDecimal(out value))
            {
                // Beyond decimal's range: either far too large or not a number transcoding can read at all.
                return reader.TryGetDouble(out var huge) && double.IsFinite(huge) && Math.Floor(huge) == huge
                    ? Fail($"Het getal moet tussen {min} en {max} liggen.", "number out of range")
                    : Fail("Verwacht een geheel getal.", "not a whole number");
            }

            if (value != decimal.Truncate(value))
            {
                return Fail("Verwacht een geheel getal.", "not a whole number");
            }
        }
        else if (allowString && reader.TokenType == JsonTokenType.String)
        {
            if (!decimal.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
            {
                return Fail("Verwacht een geheel getal.", "not a whole number");
            }
        }
        else
        {
            return Fail(Expected("een geheel getal", reader), "wrong JSON type");
        }

        return value >= min && value <= max || Fail($"Het getal moet tussen {min} en {max} liggen.", "number out of range");
    }

    private bool RealNumber(ref Utf8JsonReader reader, bool single)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString() is "NaN" or "Infinity" or "-Infinity" || Fail(Expected("een getal", reader), "wrong JSON type");
        }

        if (reader.TokenType != JsonTokenType.Number)
        {
            return Fail(Expected("een getal", reader), "wrong JSON type");
        }

        var fits = single ? reader.TryGetSingle(out var f) && float.IsFinite(f) : reader.TryGetDouble(out var d) && double.IsFinite(d);
        return fits || Fail("Dit getal is te groot.", "number out of range");
    }

    private bool ValidText(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            // Only an escape can hide half a surrogate pair ("\ud800"); reading the text reveals it.
            reader.GetString();
        }

        return true;
    }

    private bool SkipAs(ref Utf8JsonReader reader, JsonTokenType start, string expected)
    {
        if (reader.TokenType != start)
        {
            return Fail(Expected(expected, reader), "wrong JSON type");
        }

        reader.Skip();
        return true;
    }

    private static string Expected(string what, Utf8JsonReader reader) => $"Verwacht {what}, niet {Kind(reader)}.";

    private static string Kind(Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => "tekst",
        JsonTokenType.Number => "een getal",
        JsonTokenType.True or JsonTokenType.False => "true/false",
        JsonTokenType.StartObject => "een object",
        JsonTokenType.StartArray => "een lijst",
        JsonTokenType.Null => "null",
        _ => "iets anders",
    };

    private bool Fail(string description, string kind)
    {
        _problem = Problem(description, kind);
        return false;
    }

    private RequestProblem Problem(string description, string kind) =>
        new(CurrentPath(forLog: false), description, kind, CurrentPath(forLog: true));

    /// <summary>The caller's path: field names as sent, list positions in brackets; a map key is left out of logs.</summary>
    private string CurrentPath(bool forLog)
    {
        var path = new StringBuilder(_root);
        foreach (var (name, index) in _path)
        {
            if (name is null)
            {
                path.Append('[').Append(index).Append(']');
            }
            else if (index < 0)
            {
                path.Append('[').Append(forLog ? "*" : $"\"{name}\"").Append(']');
            }
            else
            {
                path.Append(path.Length > 0 ? "." : "").Append(name);
            }
        }

        return path.Length > 0 ? path.ToString() : "body";
    }
}
