using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf.Reflection;

namespace Llo.Hosting.Json;

/// <summary>
/// What one transcoded method reads from an HTTP request, from its <c>google.api.http</c> rule: the JSON body
/// (if any) and the request fields a query parameter may set (none when the body is the whole message, and never
/// a field bound by the path).
/// </summary>
internal sealed partial record TranscodedCall(MessageDescriptor Request, TranscodedBody? Body, bool ReadsQuery, IReadOnlySet<string> PathFields)
{
    public static TranscodedCall For(MethodDescriptor method, HttpRule rule)
    {
        var template = rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => rule.Get,
            HttpRule.PatternOneofCase.Put => rule.Put,
            HttpRule.PatternOneofCase.Post => rule.Post,
            HttpRule.PatternOneofCase.Delete => rule.Delete,
            HttpRule.PatternOneofCase.Patch => rule.Patch,
            HttpRule.PatternOneofCase.Custom => rule.Custom.Path,
            _ => "",
        };
        var pathFields = PathVariable().Matches(template).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        return new TranscodedCall(method.InputType, TranscodedBody.For(method, rule), rule.Body != "*", pathFields);
    }

    [GeneratedRegex(@"\{([A-Za-z0-9_.]+)")]
    private static partial Regex PathVariable();
}
