using System.Net;
using System.Net.Http.Json;

namespace Llo.Gateway.Tests;

public sealed class WebFrontEndTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Once_a_web_front_end_is_configured_it_gets_every_path_the_APIs_and_health_do_not_claim()
    {
        await using var web = await EchoBackend.StartAsync("web");
        var settings = GatewayServer.InventoryAt(fixture.Backend.HttpUrl, fixture.Backend.GrpcUrl);
        settings["Gateway:WebFrontEnd"] = "http://web";
        settings["services:web:http:0"] = web.HttpUrl;
        await using var gateway = await GatewayServer.StartAsync(settings);
        using var client = gateway.CreateClient();

        var root = await client.GetFromJsonAsync<Echo>("/");
        var page = await client.GetFromJsonAsync<Echo>("/projecten/42?tab=agenda");
        var api = await client.GetFromJsonAsync<Echo>("/api/inventory/v1/projects");
        using var health = await client.GetAsync("/health");

        Assert.Equal(("web", "/"), (root!.Backend, root.Path));
        Assert.Equal(("web", "/projecten/42", "?tab=agenda"), (page!.Backend, page.Path, page.Query));
        Assert.Equal(("inventory", "/api/inventory/v1/projects"), (api!.Backend, api.Path));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("application/json", health.Content.Headers.ContentType?.MediaType);
    }
}
