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
}
