using System.Net;

namespace Llo.Gateway.Tests;

/// <summary>
/// <c>Llo:Telemetry:TraceSampleRatio</c> (ServiceDefaults) lowers the share of recorded traces on a busy host.
/// Whether a trace is recorded is not asserted here: activity listeners are process-wide, so another
/// gateway in this test process would record it anyway. What is checked is that a sampled-down gateway
/// still proxies with its correlation id, and that a nonsensical ratio stops the start.
/// </summary>
public sealed class TraceSamplingTests
{
    [Fact]
    public async Task A_gateway_recording_few_traces_still_proxies_with_a_correlation_id()
    {
        await using var backend = await EchoBackend.StartAsync();
        var settings = GatewayServer.InventoryAt(backend.HttpUrl, backend.GrpcUrl);
        settings["Llo:Telemetry:TraceSampleRatio"] = "0.01";
        await using var gateway = await GatewayServer.StartAsync(settings);
        using var client = gateway.CreateClient();

        using var response = await client.GetAsync("/api/inventory/v1/projects");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("^[0-9a-f]{32}$", Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    public async Task A_ratio_outside_0_to_1_stops_the_start(string ratio)
    {
        var settings = GatewayServer.InventoryAt("http://127.0.0.1:9", "http://127.0.0.1:9");
        settings["Llo:Telemetry:TraceSampleRatio"] = ratio;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var gateway = await GatewayServer.StartAsync(settings);
        });
        Assert.Contains("TraceSampleRatio", error.Message, StringComparison.Ordinal);
    }
}
