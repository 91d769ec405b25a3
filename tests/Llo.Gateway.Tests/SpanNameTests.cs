using System.Collections.Concurrent;
using System.Diagnostics;

namespace Llo.Gateway.Tests;

/// <summary>Gateway spans are named after the downstream route, with a bounded number of names.</summary>
public sealed class SpanNameTests
{
    [Theory]
    [InlineData("GET", "/api/inventory/v1/projects", 200, "GET /api/inventory/v1/projects")]
    [InlineData("GET", "/api/inventory/v1/projects/6f1c1f8e-5d7a-4a53-9a4e-0c8f1f0b2a11", 200, "GET /api/inventory/v1/projects/{id}")]
    [InlineData("PATCH", "/api/inventory/v1/agendaItems/not-a-guid-but-an-id", 400, "PATCH /api/inventory/v1/agendaItems/{id}")]
    [InlineData("POST", "/api/inventory/v1/deskQuestions/6f1c1f8e-5d7a-4a53-9a4e-0c8f1f0b2a11:answer", 200, "POST /api/inventory/v1/deskQuestions/{id}:answer")]
    [InlineData("POST", "/api/inventory/v1/projects:findOverlaps", 200, "POST /api/inventory/v1/projects:findOverlaps")]
    [InlineData("GET", "/api/inventory/v1/projects/42/scalingProposals/43", 200, "GET /api/inventory/v1/projects/{id}/scalingProposals/{id}")]
    [InlineData("GET", "/api/inventory/v1/openapi.json", 200, "GET /api/inventory/v1/openapi.json")]
    [InlineData("GET", "/api/career-route/v1/pupils", 200, "GET /api/career-route/v1/pupils")]
    [InlineData("POST", "/llo.inventory.v1.ProjectService/GetProject", 200, "llo.inventory.v1.ProjectService/GetProject")]
    public void A_proxied_request_is_named_after_its_downstream_route(string method, string path, int status, string expected) =>
        Assert.Equal(expected, DownstreamSpanNames.For(method, path, status));

    [Theory]
    [InlineData("GET", "/api/inventory/v1/whatever-a-client-invents", 404, null)]
    [InlineData("DELETE", "/api/inventory/v1/projects", 405, null)]
    [InlineData("GET", "/api/inventory/v1/6f1c1f8e-5d7a-4a53-9a4e-0c8f1f0b2a11", 200, null)]
    [InlineData("GET", "/api/inventory/v1/a/1/b/2/c/3/d/4", 200, null)]
    [InlineData("GET", "/api/inventory/v1/<script>", 400, null)]
    [InlineData("PROPFIND", "/api/inventory/v1/projects", 200, null)]
    public void A_request_the_service_does_not_know_keeps_the_route_template(string method, string path, int status, string? expected) =>
        Assert.Equal(expected, DownstreamSpanNames.For(method, path, status));

    [Fact]
    public void An_unimplemented_gRPC_method_keeps_the_route_template() =>
        Assert.Null(DownstreamSpanNames.For("POST", "/llo.inventory.v1.ProjectService/Invented", 200, grpcStatus: "12"));

    [Fact]
    public async Task The_gateways_span_for_a_project_carries_the_downstream_route_not_the_catch_all()
    {
        var correlationId = $"span-{Guid.NewGuid():N}";
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("llo.correlation_id") as string == correlationId) stopped.Enqueue(activity);
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var backend = await EchoBackend.StartAsync();
        await using var gateway = await GatewayServer.StartAsync(GatewayServer.InventoryAt(backend.HttpUrl, backend.GrpcUrl));
        using var client = gateway.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/inventory/v1/projects/6f1c1f8e-5d7a-4a53-9a4e-0c8f1f0b2a11");
        request.Headers.Add("X-Correlation-Id", correlationId);

        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();

        // The server span stops just after the response is sent.
        for (var i = 0; i < 50 && stopped.IsEmpty; i++) await Task.Delay(100);
        var span = Assert.Single(stopped);
        Assert.Equal("GET /api/inventory/v1/projects/{id}", span.DisplayName);
    }
}
