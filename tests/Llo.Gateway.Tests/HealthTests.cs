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

    [Fact]
    public async Task A_service_slower_than_the_timeout_is_reported_unhealthy_in_time()
    {
        await using var backend = await EchoBackend.StartAsync(healthDelay: TimeSpan.FromSeconds(20));
        var settings = GatewayServer.InventoryAt(backend.HttpUrl, backend.GrpcUrl);
        settings["Gateway:HealthCheckTimeout"] = "00:00:01";
        await using var gateway = await GatewayServer.StartAsync(settings);
        using var client = gateway.CreateClient();

        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync("/health");
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var inventory = health.RootElement.GetProperty("entries").GetProperty("inventory");
        Assert.Equal("inventory did not answer within 1 s", inventory.GetProperty("description").GetString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"health took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_probe_its_caller_gives_up_on_logs_no_error_about_the_service()
    {
        await using var backend = await EchoBackend.StartAsync(healthDelay: TimeSpan.FromSeconds(20));
        var settings = GatewayServer.InventoryAt(backend.HttpUrl, backend.GrpcUrl);
        settings["Gateway:HealthCheckTimeout"] = "00:00:02";
        var logs = new CapturedLogs();
        await using var gateway = await GatewayServer.StartAsync(settings, logs);
        using var impatient = new HttpClient { BaseAddress = gateway.HttpUrl, Timeout = TimeSpan.FromMilliseconds(300) };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient.GetAsync("/health"));
        // Past the check's own timeout: whatever the gateway was going to log about this probe is logged by now.
        await Task.Delay(TimeSpan.FromSeconds(3));

        var errors = logs.Entries.Where(entry => entry.Level >= Microsoft.Extensions.Logging.LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Level} {e.Category}: {e.Message}")));
    }
}
