using System.Net.Http.Json;

namespace Llo.Gateway.Tests;

public sealed class ForwardedHeadersTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Forwarded_headers_from_an_untrusted_client_do_not_reach_the_service()
    {
        using var client = fixture.Gateway.CreateClient();

        var echo = await SendWithForgedHeadersAsync(client);

        Assert.Equal("127.0.0.1", echo.Headers["X-Forwarded-For"]);
        Assert.Equal("http", echo.Headers["X-Forwarded-Proto"]);
        Assert.DoesNotContain("203.0.113.7", string.Join(" ", echo.Headers.Values));
        Assert.False(echo.Headers.ContainsKey("Forwarded"));
    }

    [Fact]
    public async Task Forwarded_headers_from_a_trusted_proxy_name_the_original_client()
    {
        var settings = GatewayServer.InventoryAt(fixture.Backend.HttpUrl, fixture.Backend.GrpcUrl);
        settings["Gateway:TrustedProxies:0"] = "127.0.0.0/8";
        await using var gateway = await GatewayServer.StartAsync(settings);
        using var client = gateway.CreateClient();

        var echo = await SendWithForgedHeadersAsync(client);

        Assert.Equal("203.0.113.7", echo.Headers["X-Forwarded-For"]);
        Assert.Equal("https", echo.Headers["X-Forwarded-Proto"]);
    }

    private static async Task<Echo> SendWithForgedHeadersAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/inventory/v1/projects");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("Forwarded", "for=203.0.113.7;proto=https");
        using var response = await client.SendAsync(request);
        return (await response.Content.ReadFromJsonAsync<Echo>())!;
    }
}
