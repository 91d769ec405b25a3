using System.Diagnostics;
using System.Net;

namespace Llo.Gateway.Tests;

/// <summary>
/// <c>Llo:Telemetry:TraceSampleRatio</c> (ServiceDefaults) lowers the share of recorded traces on a busy host.
/// Activity listeners are process-wide and every gateway in this test process listens to the ASP.NET Core
/// source, so the share is measured on the gateway's own source (its application name), given a name no
/// other gateway here listens to.
/// </summary>
public sealed class TraceSamplingTests
{
    private const int Roots = 2000;

    [Theory]
    [InlineData("0.01", 1, 100)] // about 20 of 2000
    [InlineData("0.5", 800, 1200)]
    [InlineData("1", Roots, Roots)]
    public async Task The_ratio_decides_the_share_of_new_traces_the_gateway_records(string ratio, int least, int most)
    {
        // Not "Llo.…": every gateway listens to the Llo.* sources of the building blocks.
        var name = $"Sampling.{Guid.NewGuid():N}";
        await using var backend = await EchoBackend.StartAsync();
        var settings = GatewayServer.InventoryAt(backend.HttpUrl, backend.GrpcUrl);
        settings["Llo:Telemetry:TraceSampleRatio"] = ratio;
        await using var gateway = await GatewayServer.StartAsync(settings, applicationName: name);
        using var source = new ActivitySource(name);

        var recorded = 0;
        for (var i = 0; i < Roots; i++)
        {
            using var root = source.StartActivity("request", ActivityKind.Server);
            if (root?.Recorded == true) recorded++;
        }

        Assert.InRange(recorded, least, most);
    }

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
