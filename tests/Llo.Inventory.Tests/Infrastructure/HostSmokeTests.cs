using System.Net;

namespace Llo.Inventory.Tests.Infrastructure;

public sealed class HostSmokeTests(InventoryHost host) : IClassFixture<InventoryHost>
{
    [Fact]
    public async Task The_service_reports_healthy_once_its_schema_is_in_place()
    {
        var response = await host.Json.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await using var command = host.Database.DataSource.CreateCommand("SELECT count(*) FROM schema_migrations");
        Assert.True((long)(await command.ExecuteScalarAsync())! >= 0);
    }

    [Fact]
    public async Task The_openapi_document_is_published_under_the_service_path()
    {
        var response = await host.Json.GetAsync("/api/inventory/v1/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"openapi\"", await response.Content.ReadAsStringAsync());
    }
}
