using System.Text.Json;
using Llo.Inventory.Tests.Infrastructure;

namespace Llo.Inventory.Tests.Hosting;

/// <summary>The served OpenAPI document documents the API: summaries, required fields, errors, the .ics export, no .NET types.</summary>
public sealed class OpenApiDocumentTests(InventoryHost host) : IClassFixture<InventoryHost>
{
    private const string Api = "/api/inventory/v1";

    private async Task<JsonElement> DocumentAsync()
    {
        var text = await host.Json.GetStringAsync($"{Api}/openapi.json");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path =>
            path.Value.EnumerateObject().Select(method => (path.Name, method.Name, method.Value)));

    [Fact]
    public async Task Operations_carry_the_proto_comments_as_their_summary()
    {
        var document = await DocumentAsync();

        var archive = document.GetProperty("paths").GetProperty($"{Api}/projects/{{id}}").GetProperty("delete");
        Assert.Contains("Archives the project", archive.GetProperty("summary").GetString());
        Assert.All(Operations(document), o => Assert.False(string.IsNullOrWhiteSpace(
            o.Operation.TryGetProperty("summary", out var summary) ? summary.GetString() : null), $"{o.Method} {o.Path} has no summary"));
        var snippet = document.GetProperty("components").GetProperty("schemas").GetProperty("llo.inventory.v1.Project")
            .GetProperty("properties").GetProperty("snippet");
        Assert.Contains("matching passage", snippet.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Fields_the_service_requires_are_marked_required()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");

        Assert.Equal(["status", "title"], schemas.GetProperty("llo.inventory.v1.ProjectFields").GetProperty("required")
            .EnumerateArray().Select(r => r.GetString()!).Order());
        Assert.Contains("startTime", schemas.GetProperty("llo.inventory.v1.AgendaItemFields").GetProperty("required")
            .EnumerateArray().Select(r => r.GetString()));
        Assert.False(schemas.GetProperty("llo.inventory.v1.Project").TryGetProperty("required", out _));
    }

    [Fact]
    public async Task Every_operation_describes_its_errors_with_the_status_schema()
    {
        var document = await DocumentAsync();

        var operations = Operations(document).ToList();
        Assert.NotEmpty(operations);
        foreach (var (path, method, operation) in operations)
        {
            var responses = operation.GetProperty("responses");
            foreach (var code in new[] { "400", "401", "403", "404", "409", "413", "429" })
            {
                Assert.True(responses.TryGetProperty(code, out var response), $"{method} {path} lacks {code}");
                var schema = response.GetProperty("content").GetProperty("application/json").GetProperty("schema");
                Assert.Equal("#/components/schemas/google.rpc.Status", schema.GetProperty("$ref").GetString());
            }
        }

        var status = document.GetProperty("components").GetProperty("schemas").GetProperty("google.rpc.Status").GetProperty("properties");
        Assert.True(status.TryGetProperty("code", out _));
        Assert.True(status.TryGetProperty("message", out _));
        Assert.True(status.TryGetProperty("details", out _));
    }

    [Fact]
    public async Task The_ics_export_lists_its_query_parameters_and_its_content_type()
    {
        var export = (await DocumentAsync()).GetProperty("paths").GetProperty($"{Api}/agenda.ics").GetProperty("get");

        var parameters = export.GetProperty("parameters").EnumerateArray()
            .Select(p => (Name: p.GetProperty("name").GetString()!, In: p.GetProperty("in").GetString()!)).ToList();
        Assert.Equal(["focusLine", "from", "municipality", "organiser", "projectId", "q", "to"], parameters.Select(p => p.Name).Order());
        Assert.All(parameters, p => Assert.Equal("query", p.In));
        Assert.Contains(export.GetProperty("responses").GetProperty("200").GetProperty("content").EnumerateObject(),
            content => content.Name.StartsWith("text/calendar"));
        Assert.Contains("iCalendar", export.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task The_document_names_no_dotnet_types()
    {
        var document = await DocumentAsync();
        var text = document.GetRawText();

        Assert.DoesNotContain("ProblemDetails", text);
        Assert.DoesNotContain("Llo.Contracts", text);
        Assert.DoesNotContain("System.", text);
        Assert.DoesNotContain("Microsoft.", text);
        Assert.All(document.GetProperty("components").GetProperty("schemas").EnumerateObject(),
            schema => Assert.Matches("^(llo|google)\\.[a-z0-9.]+\\.[A-Z][A-Za-z0-9.]*$", schema.Name));
    }
}
