using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Llo.Gateway.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task An_unreachable_service_makes_health_unhealthy_and_is_named_in_the_answer()
    {
        await using var backend = await EchoBackend.StartAsync();
        var settings = GatewayServer.InventoryAt(backend.HttpUrl, backend.GrpcUrl);
        settings["Gateway:Services:1"] = "matching";
        settings["services:matching:http:0"] = $"http://127.0.0.1:{FreePort.Next()}"; // nobody listens there
        await using var gateway = await GatewayServer.StartAsync(settings);
        using var client = gateway.CreateClient();

        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync("/health");
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", health.RootElement.GetProperty("status").GetString());
        var entries = health.RootElement.GetProperty("entries");
        Assert.Equal("Unhealthy", entries.GetProperty("matching").GetProperty("status").GetString());
        Assert.Equal("Healthy", entries.GetProperty("inventory").GetProperty("status").GetString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"health took {clock.Elapsed}");
    }

    [Fact]
    public async Task Alive_answers_while_services_are_down()
    {
        var settings = GatewayServer.InventoryAt($"http://127.0.0.1:{FreePort.Next()}", $"http://127.0.0.1:{FreePort.Next()}");
        await using var gateway = await GatewayServer.StartAsync(settings);
        using var client = gateway.CreateClient();

        using var alive = await client.GetAsync("/alive");
        using var health = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
    }
}
