using System.Net;
using System.Net.Http.Json;

namespace Llo.Gateway.Tests;

public sealed class RateLimitingTests
{
    [Fact]
    public async Task A_client_over_its_limit_gets_429_with_Retry_After_in_the_one_error_shape_while_health_stays_reachable()
    {
        await using var backend = await EchoBackend.StartAsync();
        var settings = GatewayServer.InventoryAt(backend.HttpUrl, backend.GrpcUrl);
        settings["Gateway:RateLimit:PermitLimit"] = "3";
        settings["Gateway:RateLimit:Window"] = "00:01:00";
        await using var gateway = await GatewayServer.StartAsync(settings);
        using var client = gateway.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.GetAsync("/api/inventory/v1/projects");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var rejected = await client.GetAsync("/api/inventory/v1/projects");

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        var retryAfter = rejected.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal("application/json", rejected.Content.Headers.ContentType?.MediaType);
        var error = await rejected.Content.ReadFromJsonAsync<ErrorStatus>();
        Assert.Equal(8, error!.Code); // RESOURCE_EXHAUSTED
        Assert.Contains("Te veel verzoeken", error.Message);

        using var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Each_client_address_has_its_own_limit_so_one_client_exhausting_it_does_not_block_another()
    {
        await using var backend = await EchoBackend.StartAsync();
        var settings = GatewayServer.InventoryAt(backend.HttpUrl, backend.GrpcUrl);
        settings["Gateway:RateLimit:PermitLimit"] = "3";
        settings["Gateway:RateLimit:Window"] = "00:01:00";
        await using var gateway = await GatewayServer.StartAsync(settings);
        using var clientA = gateway.CreateClientFrom(IPAddress.Parse("127.0.0.2"));
        using var clientB = gateway.CreateClientFrom(IPAddress.Parse("127.0.0.3"));

        var answersToA = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await clientA.GetAsync("/api/inventory/v1/projects");
            answersToA.Add(response.StatusCode);
        }
        using var toB = await clientB.GetAsync("/api/inventory/v1/projects");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answersToA);
        Assert.Equal(HttpStatusCode.OK, toB.StatusCode);
    }

    [Fact]
    public async Task Health_probes_are_limited_per_client_in_a_bucket_of_their_own()
    {
        await using var backend = await EchoBackend.StartAsync();
        var settings = GatewayServer.InventoryAt(backend.HttpUrl, backend.GrpcUrl);
        settings["Gateway:ProbeRateLimit:PermitLimit"] = "2";
        await using var gateway = await GatewayServer.StartAsync(settings);
        using var prober = gateway.CreateClientFrom(IPAddress.Parse("127.0.0.2"));
        using var other = gateway.CreateClientFrom(IPAddress.Parse("127.0.0.3"));

        using var first = await prober.GetAsync("/alive");
        using var second = await prober.GetAsync("/alive");
        using var third = await prober.GetAsync("/health");
        using var api = await prober.GetAsync("/api/inventory/v1/projects");
        using var otherProbe = await other.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherProbe.StatusCode);
    }
}
