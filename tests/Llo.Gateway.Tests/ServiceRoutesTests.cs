using System.Net;
using System.Net.Http.Json;

namespace Llo.Gateway.Tests;

/// <summary>Every service the app host declares gets its JSON and gRPC routes from its name alone.</summary>
public sealed class ServiceRoutesTests
{
    [Theory]
    [InlineData("inventory", "llo.inventory.v1")]
    [InlineData("career-route", "llo.careerroute.v1")]
    [InlineData("hr-network", "llo.hrnetwork.v1")]
    public void A_services_gRPC_package_is_its_name_without_hyphens(string service, string package) =>
        Assert.Equal(package, ServiceRoutes.GrpcPackage(new GatewayOptions(), service));

    [Fact]
    public async Task A_hyphenated_service_keeps_the_hyphen_in_its_JSON_path_and_drops_it_from_its_gRPC_package()
    {
        await using var inventory = await EchoBackend.StartAsync("inventory");
        await using var careerRoute = await EchoBackend.StartAsync("career-route");
        var settings = GatewayServer.InventoryAt(inventory.HttpUrl, inventory.GrpcUrl);
        settings["Gateway:Services:1"] = "career-route";
        settings["services:career-route:http:0"] = careerRoute.HttpUrl;
        settings["services:career-route:grpc:0"] = careerRoute.GrpcUrl;
        await using var gateway = await GatewayServer.StartAsync(settings);
        using var json = gateway.CreateClient();
        using var grpc = new HttpClient
        {
            BaseAddress = gateway.GrpcUrl,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        var viaJson = await json.GetFromJsonAsync<Echo>("/api/career-route/v1/pupils?pageSize=5");
        using var viaGrpc = await grpc.PostAsync("/llo.careerroute.v1.PupilService/GetPupil", new ByteArrayContent([0, 0, 0, 0, 0]));
        var grpcEcho = await viaGrpc.Content.ReadFromJsonAsync<Echo>();
        using var hyphenated = await grpc.PostAsync("/llo.career-route.v1.PupilService/GetPupil", new ByteArrayContent([0, 0, 0, 0, 0]));
        var inventoryStill = await json.GetFromJsonAsync<Echo>("/api/inventory/v1/projects");

        Assert.Equal(("career-route", "/api/career-route/v1/pupils"), (viaJson!.Backend, viaJson.Path));
        Assert.Equal(("career-route", "/llo.careerroute.v1.PupilService/GetPupil", "HTTP/2"), (grpcEcho!.Backend, grpcEcho.Path, grpcEcho.Protocol));
        Assert.Equal(HttpStatusCode.NotFound, hyphenated.StatusCode);
        Assert.Equal("inventory", inventoryStill!.Backend);
    }
}

/// <summary>The identity service's OpenID Connect paths reach it through the gateway, with the browser's host forwarded.</summary>
public sealed class IdentityRoutesTests
{
    [Fact]
    public async Task Discovery_token_and_login_paths_go_to_the_identity_service_with_the_public_host_forwarded()
    {
        await using var inventory = await EchoBackend.StartAsync("inventory");
        await using var identity = await EchoBackend.StartAsync("identity");
        var settings = GatewayServer.InventoryAt(inventory.HttpUrl, inventory.GrpcUrl);
        settings["Gateway:Services:1"] = "identity";
        settings["services:identity:http:0"] = identity.HttpUrl;
        settings["services:identity:grpc:0"] = identity.GrpcUrl;
        await using var gateway = await GatewayServer.StartAsync(settings);
        using var client = gateway.CreateClient();

        var discovery = await client.GetFromJsonAsync<Echo>("/.well-known/openid-configuration");
        using var tokenResponse = await client.PostAsync("/connect/token", new FormUrlEncodedContent([KeyValuePair.Create("grant_type", "client_credentials")]));
        var token = await tokenResponse.Content.ReadFromJsonAsync<Echo>();
        var login = await client.GetFromJsonAsync<Echo>("/account/login?returnUrl=%2F");
        using var elsewhere = await client.GetAsync("/connectors/x");

        Assert.Equal(("identity", "/.well-known/openid-configuration"), (discovery!.Backend, discovery.Path));
        Assert.Equal(("identity", "POST", "/connect/token"), (token!.Backend, token.Method, token.Path));
        Assert.Equal(("identity", "/account/login", "?returnUrl=%2F"), (login!.Backend, login.Path, login.Query));
        Assert.Equal(client.BaseAddress!.Authority, discovery.Headers["X-Forwarded-Host"]);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }
}
