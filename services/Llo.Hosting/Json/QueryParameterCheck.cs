using System.Globalization;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;

namespace Llo.Hosting.Json;

/// <summary>
/// Checks the query parameters transcoding will bind ("focusLine", "page_size", "draft.status") against the request
/// message, because transcoding refuses a bad one in English ("Value was either too large or too small for an
/// Int32."). Accepts what transcoding accepts: proto and JSON names, enum names and the numbers of defined values;
/// a parameter that names no field is ignored, as transcoding ignores it.
/// </summary>
internal static class QueryParameterCheck
{
    public static RequestProblem? Check(IQueryCollection query, TranscodedCall call)
    {
        if (!call.ReadsQuery || query.Count == 0)
        {
            return null;
        }

        foreach (var (key, values) in query)
        {
            if (Resolve(call, key) is not { } field)
            {
                continue;
            }

            foreach (var value in values)
            {
                if (Problem(field, value ?? "") is { } description)
                {
                    return new RequestProblem(key, description, "bad query parameter", key);
                }
            }
        }

        return null;
    }

    private static FieldDescriptor? Resolve(TranscodedCall call, string key)
    {
        if (call.PathFields.Contains(key))
        {
            return null;
        }

        var message = call.Request;
        FieldDescriptor? field = null;
        foreach (var segment in key.Split('.'))
        {
            if (message is null)
            {
                return null;
            }

            field = message.FindFieldByName(segment) ?? message.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == segment);
            if (field is null || call.Body?.Field == field)
            {
                return null;
            }

            message = field.FieldType == FieldType.Message ? field.MessageType : null;
        }

        return field?.FieldType == FieldType.Message ? null : field;
    }

    private static string? Problem(FieldDescriptor field, string value)
    {
        var invariant = CultureInfo.InvariantCulture;
        return field.FieldType switch
        {
            FieldType.Enum => field.EnumType.FindValueByName(value) is not null
                || int.TryParse(value, NumberStyles.AllowLeadingSign, invariant, out var number) && field.EnumType.FindValueByNumber(number) is not null
                    ? null
                    : $"\"{ProtoText.Echo(value)}\" is geen toegestane waarde. Toegestaan: {ProtoText.AcceptedNames(field.EnumType)}.",
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => WholeNumber(value, int.MinValue, int.MaxValue),
            FieldType.UInt32 or FieldType.Fixed32 => WholeNumber(value, 0, uint.MaxValue),
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => WholeNumber(value, long.MinValue, long.MaxValue),
            FieldType.UInt64 or FieldType.Fixed64 => WholeNumber(value, 0, ulong.MaxValue),
            FieldType.Double or FieldType.Float => double.TryParse(value, NumberStyles.Float, invariant, out _) ? null : "Verwacht een getal.",
            FieldType.Bool => bool.TryParse(value, out _) ? null : "Verwacht true of false.",
            _ => null,
        };
    }

    private static string? WholeNumber(string value, decimal min, decimal max)
    {
        if (!decimal.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return value.Trim().Length > 0 && value.Trim().All(c => char.IsAsciiDigit(c) || c == '-')
                ? $"Het getal moet tussen {min} en {max} liggen."
                : "Verwacht een geheel getal.";
        }

        return number >= min && number <= max ? null : $"Het getal moet tussen {min} en {max} liggen.";
    }
}
