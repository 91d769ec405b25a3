using System.Net.Http.Json;

namespace Llo.Gateway.Tests;

public sealed class CorrelationIdTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Header = "X-Correlation-Id";

    [Fact]
    public async Task A_request_without_an_id_gets_one_that_the_service_and_the_client_both_see()
    {
        using var client = fixture.Gateway.CreateClient();

        using var response = await client.GetAsync("/api/inventory/v1/projects");
        var echo = await response.Content.ReadFromJsonAsync<Echo>();

        var id = Assert.Single(response.Headers.GetValues(Header));
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal(id, echo!.Headers[Header]);
    }

    [Fact]
    public async Task A_sane_client_id_is_kept_end_to_end_and_not_doubled_when_the_service_echoes_it()
    {
        using var client = fixture.Gateway.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/inventory/v1/projects");
        request.Headers.Add(Header, "order-4711_retry.2");

        using var response = await client.SendAsync(request);
        var echo = await response.Content.ReadFromJsonAsync<Echo>();

        Assert.Equal("order-4711_retry.2", echo!.Headers[Header]);
        Assert.Equal("order-4711_retry.2", Assert.Single(response.Headers.GetValues(Header)));
    }

    [Theory]
    [InlineData("has spaces")]
    [InlineData("<script>")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")] // 65 characters
    public async Task An_unsafe_or_overlong_client_id_is_replaced(string given)
    {
        using var client = fixture.Gateway.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/inventory/v1/projects");
        request.Headers.TryAddWithoutValidation(Header, given);

        using var response = await client.SendAsync(request);
        var echo = await response.Content.ReadFromJsonAsync<Echo>();

        var id = Assert.Single(response.Headers.GetValues(Header));
        Assert.NotEqual(given, id);
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal(id, echo!.Headers[Header]);
    }

    [Fact]
    public async Task Answers_of_the_gateway_itself_carry_an_id_too()
    {
        using var client = fixture.Gateway.CreateClient();

        using var response = await client.GetAsync("/");

        Assert.Matches("^[0-9a-f]{32}$", Assert.Single(response.Headers.GetValues(Header)));
    }
}
