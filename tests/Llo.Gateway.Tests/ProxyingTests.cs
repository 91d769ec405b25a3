using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Llo.Gateway.Tests;

public sealed class ProxyingTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task A_path_of_no_service_is_404_in_the_one_error_shape_in_Dutch()
    {
        using var client = fixture.Gateway.CreateClient();

        using var response = await client.GetAsync("/api/geen-dienst/v1/dingen");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = await response.Content.ReadFromJsonAsync<ErrorStatus>();
        Assert.Equal(5, error!.Code); // NOT_FOUND
        Assert.Contains("Dit pad bestaat niet", error.Message);
    }

    [Fact]
    public async Task A_JSON_request_under_api_inventory_reaches_the_service_with_its_path_and_query_kept()
    {
        using var client = fixture.Gateway.CreateClient();

        var echo = await client.GetFromJsonAsync<Echo>("/api/inventory/v1/projects?pageSize=10");

        Assert.Equal("inventory", echo!.Backend);
        Assert.Equal("GET", echo.Method);
        Assert.Equal("/api/inventory/v1/projects", echo.Path);
        Assert.Equal("?pageSize=10", echo.Query);
        Assert.Equal("HTTP/1.1", echo.Protocol);
    }

    [Fact]
    public async Task A_gRPC_call_on_the_grpc_endpoint_reaches_the_service_over_HTTP2_without_TLS()
    {
        using var client = new HttpClient { BaseAddress = fixture.Gateway.GrpcUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/llo.inventory.v1.ProjectService/GetProject")
        {
            // h2c with prior knowledge, as a gRPC client on plain HTTP does.
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent([0, 0, 0, 0, 0]),
        };
        request.Content.Headers.ContentType = new("application/grpc");
        request.Headers.TE.ParseAdd("trailers");

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        var echo = System.Text.Json.JsonSerializer.Deserialize<Echo>(body, JsonSerializerOptions.Web);

        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal("HTTP/2", echo!.Protocol);
        Assert.Equal("/llo.inventory.v1.ProjectService/GetProject", echo.Path);
        Assert.Equal(5, echo.BodyLength);
    }

    [Fact]
    public async Task A_gRPC_path_of_a_package_the_gateway_does_not_serve_is_not_proxied()
    {
        using var client = new HttpClient
        {
            BaseAddress = fixture.Gateway.GrpcUrl,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        using var response = await client.PostAsync("/llo.secret.v1.Admin/Drop", new ByteArrayContent([0, 0, 0, 0, 0]));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Health_answers_only_the_overall_status_of_the_services_behind_the_gateway()
    {
        using var client = fixture.Gateway.CreateClient();

        using var response = await client.GetAsync("/health");
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        // Which services there are, and why one fails, is for the dashboard (the gateway's log), not the public.
        Assert.Equal(["status"], health.RootElement.EnumerateObject().Select(property => property.Name));
    }
}
