using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Llo.Testing;
using Microsoft.AspNetCore.Builder;

namespace Llo.Identity.Tests;

/// <summary>Another identity instance on a test host's database, and a client for it.</summary>
internal sealed record Instance(WebApplication App, HttpClient Client) : IAsyncDisposable
{
    public static Instance Of(IdentityHost host, params string[] extra)
    {
        var (httpPort, grpcPort) = (ServiceTestHost.FreePort(), ServiceTestHost.FreePort());
        return new Instance(SecondInstance.Start(host, AppContext.BaseDirectory, httpPort, grpcPort, extra),
            new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") });
    }

    /// <summary>The access token opens the API here, and the refresh token (encrypted with the enc key) refreshes.</summary>
    public async Task AssertAcceptsAsync(JsonElement tokens, bool refresh = true)
    {
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/identity/v1/organisations");
        read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("access_token").GetString());
        using var answer = await Client.SendAsync(read);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        if (!refresh) return;

        using var refreshed = await Client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = "llo-cli",
            ["refresh_token"] = tokens.GetProperty("refresh_token").GetString()!,
        }));
        Assert.True((await IdentityHost.SuccessAsync(refreshed)).TryGetProperty("access_token", out _));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
