using System.Net;

namespace Llo.Inventory.Tests.Infrastructure;

public sealed class HostSmokeTests(InventoryHost host) : IClassFixture<InventoryHost>
{
    // One table per feature, and the messaging block's outbox and inbox.
    private static readonly string[] Tables =
        ["projects", "agenda_items", "agenda_item_projects", "desk_questions", "scaling_proposals", "messaging_outbox", "messaging_inbox"];

    [Fact]
    public async Task The_service_reports_healthy_once_its_schema_is_in_place()
    {
        // Healthy once the schema is in place and every consumer (the privacy requests) is attached to its queue,
        // which happens moments after the host has started.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var response = await host.Json.GetAsync("/health");
        while (response.StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            response = await host.Json.GetAsync("/health");
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await using var command = host.Database.DataSource.CreateCommand(
            "SELECT name FROM unnest($1::text[]) AS name WHERE to_regclass(name) IS NULL");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = Tables });
        var missing = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) missing.Add(reader.GetString(0));
        }
        Assert.True(missing.Count == 0, $"healthy, but these tables are missing: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task The_openapi_document_is_published_under_the_service_path()
    {
        var response = await host.Json.GetAsync("/api/inventory/v1/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"openapi\"", await response.Content.ReadAsStringAsync());
    }
}
