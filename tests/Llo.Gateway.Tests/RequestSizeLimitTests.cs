using System.Net;
using System.Net.Http.Json;

namespace Llo.Gateway.Tests;

public sealed class RequestSizeLimitTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const int Limit = 1024 * 1024; // appsettings.json default

    [Fact]
    public async Task A_body_declared_larger_than_the_limit_is_refused_with_413_in_the_one_error_shape()
    {
        using var client = fixture.Gateway.CreateClient();
        // As a careful client does: the gateway answers before any of the body is sent, so the refusal cannot race
        // with the upload (without it the socket may break while the client still writes, depending on timing).
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/inventory/v1/projects") { Content = new ByteArrayContent(new byte[Limit + 1]) };
        request.Headers.ExpectContinue = true;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = await response.Content.ReadFromJsonAsync<ErrorStatus>();
        Assert.Equal(8, error!.Code); // RESOURCE_EXHAUSTED
        Assert.Contains("te groot", error.Message);
    }

    [Fact]
    public async Task A_chunked_body_that_grows_past_the_limit_is_refused_with_413()
    {
        using var client = fixture.Gateway.CreateClient();
        // A non-seekable stream has no length, so HttpClient sends it chunked.
        var content = new StreamContent(new UnseekableStream(new byte[Limit + 64 * 1024]));

        using var response = await client.PostAsync("/api/inventory/v1/projects", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(8, (await response.Content.ReadFromJsonAsync<ErrorStatus>())!.Code);
    }

    [Fact]
    public async Task A_body_within_the_limit_is_forwarded_whole()
    {
        using var client = fixture.Gateway.CreateClient();

        using var response = await client.PostAsync("/api/inventory/v1/projects", new ByteArrayContent(new byte[Limit]));
        var echo = await response.Content.ReadFromJsonAsync<Echo>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Limit, echo!.BodyLength);
    }

    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}

/// <summary>The platform's one error shape: the JSON of google.rpc.Status.</summary>
internal sealed record ErrorStatus(int Code, string Message);
