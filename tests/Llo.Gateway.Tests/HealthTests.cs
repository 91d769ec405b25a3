using System.Diagnostics;
using System.Net;

namespace Llo.Gateway.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task An_unreachable_service_makes_health_unhealthy_and_is_named_only_in_the_log_for_the_dashboard()
    {
        await using var backend = await EchoBackend.StartAsync();
        var settings = GatewayServer.InventoryAt(backend.HttpUrl, backend.GrpcUrl);
        settings["Gateway:Services:1"] = "matching";
        settings["services:matching:http:0"] = $"http://127.0.0.1:{FreePort.Next()}"; // nobody listens there
        var logs = new CapturedLogs();
        await using var gateway = await GatewayServer.StartAsync(settings, logs);
        using var client = gateway.CreateClient();

        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("""{"status":"Unhealthy"}""", body);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"health took {clock.Elapsed}");
        var logged = Assert.Single(logs.Entries, entry => entry.Message.StartsWith("Gateway health is Unhealthy", StringComparison.Ordinal));
        Assert.Contains("matching: Unhealthy (matching is unreachable", logged.Message);
        Assert.DoesNotContain("inventory", logged.Message);
    }

    [Fact]
    public async Task Health_is_evaluated_at_most_once_per_cache_period()
    {
        var backend = await EchoBackend.StartAsync();
        var settings = GatewayServer.InventoryAt(backend.HttpUrl, backend.GrpcUrl);
        settings["Gateway:HealthCacheDuration"] = "00:00:02";
        await using var gateway = await GatewayServer.StartAsync(settings);
        using var client = gateway.CreateClient();

        using var before = await client.GetAsync("/health");
        await backend.DisposeAsync();
        using var cached = await client.GetAsync("/health");
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        using var after = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, after.StatusCode);
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
        var logs = new CapturedLogs();
        await using var gateway = await GatewayServer.StartAsync(settings, logs);
        using var client = gateway.CreateClient();

        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("""{"status":"Unhealthy"}""", await response.Content.ReadAsStringAsync());
        Assert.Contains(logs.Entries, entry => entry.Message.Contains("inventory: Unhealthy (inventory did not answer within 1 s)", StringComparison.Ordinal));
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
