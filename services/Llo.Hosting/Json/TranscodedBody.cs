using Google.Api;
using Google.Protobuf.Reflection;

namespace Llo.Hosting.Json;

/// <summary>
/// What the JSON body of one transcoded method must look like, from its <c>google.api.http</c> rule: either the
/// whole request message (<c>body: "*"</c>) or one field of it (<c>body: "project"</c>), whose JSON name then
/// starts every field path in an error ("project.status"), as in the services' own validation errors.
/// </summary>
internal sealed record TranscodedBody(MessageDescriptor? Message, FieldDescriptor? Field, string Root)
{
    /// <summary>Null when the method takes no JSON body (no body in the rule, or a raw <c>google.api.HttpBody</c>).</summary>
    public static TranscodedBody? For(MethodDescriptor method, HttpRule rule)
    {
        var request = method.InputType;
        if (rule.Body.Length == 0 || request.FullName == HttpBody.Descriptor.FullName)
        {
            return null;
        }

        if (rule.Body == "*")
        {
            return new TranscodedBody(request, null, "");
        }

        var field = request.FindFieldByName(rule.Body);
        if (field is null || field.FieldType == FieldType.Message && field.MessageType.FullName == HttpBody.Descriptor.FullName)
        {
            return null;
        }

        return new TranscodedBody(null, field, field.JsonName);
    }
}
