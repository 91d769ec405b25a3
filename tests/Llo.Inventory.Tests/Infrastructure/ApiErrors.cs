using System.Text.Json;
using Google.Rpc;
using Grpc.Core;

namespace Llo.Inventory.Tests.Infrastructure;

/// <summary>Reads the field names out of a 400 answer, as JSON callers and gRPC callers receive it.</summary>
public static class ApiErrors
{
    public static async Task<IReadOnlyList<string>> JsonFieldsAsync(HttpResponseMessage response)
    {
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        var fields = new List<string>();
        if (body.RootElement.TryGetProperty("details", out var details))
        {
            foreach (var detail in details.EnumerateArray())
            {
                if (detail.TryGetProperty("fieldViolations", out var violations))
                {
                    fields.AddRange(violations.EnumerateArray().Select(v => v.GetProperty("field").GetString()!));
                }
            }
        }

        return fields;
    }

    public static IReadOnlyList<string> GrpcFields(RpcException exception) =>
        exception.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
