using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Llo.Hosting;
using V1 = Llo.Kit.Tests.SampleService.V1;

namespace Llo.Kit.Tests;

/// <summary>
/// What every service inherits from the kit at its own ports, without the gateway in front: a request size limit
/// (413 / RESOURCE_EXHAUSTED) and JSON read and answered as UTF-8 whatever charset the request declares.
/// </summary>
public sealed class RequestBoundsTests(KitSampleHost host) : IClassFixture<KitSampleHost>
{
    private const string Notes = "/api/kitsample/v1/notes";

    private static string NoteJson(string title) => JsonSerializer.Serialize(new { title });

    private async Task<HttpResponseMessage> PostAsync(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        // Expect: 100-continue lets the service refuse on the declared length before the body is uploaded.
        // The client waits for that answer longer than its default second: the first request of a host also fetches
        // the token keys, and a body sent meanwhile would meet a closed connection (broken pipe) instead of the 413.
        using var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = host.Json.BaseAddress,
        };
        client.DefaultRequestHeaders.Authorization = host.Json.DefaultRequestHeaders.Authorization;
        var request = new HttpRequestMessage(HttpMethod.Post, Notes) { Content = content };
        request.Headers.ExpectContinue = true;
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_JSON_body_over_the_kits_default_limit_is_413_in_the_one_error_shape_naming_the_limit()
    {
        var body = Encoding.UTF8.GetBytes(NoteJson(new string('a', 1_500_000)));

        var response = await PostAsync(body, "application/json");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)StatusCode.ResourceExhausted, status.GetProperty("code").GetInt32());
        Assert.Contains($"hoogstens {LloApi.DefaultMaxRequestSize} bytes", status.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_body_under_the_limit_is_read_and_judged_on_its_content()
    {
        var response = await PostAsync(Encoding.UTF8.GetBytes(NoteJson(new string('a', 900_000))), "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("note.title", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_gRPC_message_over_the_limit_is_RESOURCE_EXHAUSTED_and_stores_nothing()
    {
        var client = new V1.NoteService.NoteServiceClient(host.Grpc);

        var refused = await Assert.ThrowsAsync<RpcException>(() => client.CreateNoteAsync(new V1.CreateNoteRequest
        {
            Note = new V1.NoteFields { Title = "Groot", Body = new string('a', 1_500_000), Topic = "te-groot" },
        }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        var list = await client.ListNotesAsync(new V1.ListNotesRequest { Topic = "te-groot" });
        Assert.Equal(0, list.TotalSize);
    }

    [Fact]
    public async Task A_body_declared_ISO_8859_1_that_is_UTF_8_is_read_as_UTF_8_and_answered_in_UTF_8()
    {
        const string title = "Café één ☕ 👩🏽‍🔧";

        var response = await PostAsync(Encoding.UTF8.GetBytes(NoteJson(title)), "application/json; charset=iso-8859-1");

        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}");
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet, StringComparer.OrdinalIgnoreCase);
        var note = JsonDocument.Parse(bytes).RootElement;
        Assert.Equal(title, note.GetProperty("fields").GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_body_in_ISO_8859_1_is_refused_in_UTF_8_naming_the_body_and_stores_nothing()
    {
        var latin1 = Encoding.Latin1.GetBytes(NoteJson("x").Replace("x", "Caf\u00e9 latin1", StringComparison.Ordinal).Replace("\\u00E9", "\u00e9", StringComparison.Ordinal));
        Assert.Contains((byte)0xE9, latin1);

        var response = await PostAsync(latin1, "application/json; charset=iso-8859-1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet, StringComparer.OrdinalIgnoreCase);
        var status = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync()).RootElement;
        var violation = status.GetProperty("details")[0].GetProperty("fieldViolations")[0];
        Assert.Equal("note", violation.GetProperty("field").GetString());
        Assert.Contains("UTF-8", violation.GetProperty("description").GetString());
        var list = await new V1.NoteService.NoteServiceClient(host.Grpc).ListNotesAsync(new V1.ListNotesRequest { PageSize = 100 });
        Assert.DoesNotContain(list.Notes, n => n.Fields.Title.Contains("latin1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_read_declaring_another_charset_is_answered_in_UTF_8()
    {
        var created = await PostAsync(Encoding.UTF8.GetBytes(NoteJson("Zoë's café")), "application/json");
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        var content = new ByteArrayContent([]);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=iso-8859-1");

        var response = await host.Json.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"{Notes}/{id}") { Content = content });

        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}");
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet, StringComparer.OrdinalIgnoreCase);
        Assert.Equal("Zoë's café", JsonDocument.Parse(bytes).RootElement.GetProperty("fields").GetProperty("title").GetString());
    }
}
