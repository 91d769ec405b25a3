using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Llo.Identity.Api.Rights;

/// <summary>The one export document: the request, the person, and each service's part under the service's name.</summary>
public static class ExportDocument
{
    public static Struct Assemble(StoredPrivacyRequest request, IEnumerable<StoredPrivacyAnswer> answers)
    {
        var services = new JsonObject();
        foreach (var answer in answers)
        {
            services[answer.Service] = JsonNode.Parse(answer.Part ?? "{}");
        }

        var document = new JsonObject
        {
            ["requestId"] = request.RequestId.ToString("D"),
            ["requestedAt"] = request.RequestedAt.ToString("O"),
            ["person"] = new JsonObject
            {
                ["userId"] = request.SubjectUserId?.ToString("D"),
                ["emailAddresses"] = new JsonArray([.. request.SubjectEmails.Select(e => (JsonNode?)JsonValue.Create(e))]),
            },
            ["services"] = services,
        };
        return JsonParser.Default.Parse<Struct>(document.ToJsonString());
    }
}
