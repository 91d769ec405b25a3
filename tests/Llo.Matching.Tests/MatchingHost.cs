using System.Net;
using System.Text;
using System.Text.Json;
using Llo.Matching.Api;
using Llo.Matching.Api.Taxonomy;
using Llo.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Llo.Matching.Tests;

/// <summary>
/// The real matching service on loopback ports (with the fresh database and RabbitMQ every service host gets), on the
/// built-in demo taxonomy so the answers are known, without the demo twins unless a test class asks for them; ready
/// once the taxonomy has loaded.
/// </summary>
public class MatchingHost : ServiceTestHost, IAsyncLifetime
{
    public const string ApiRoot = "/api/matching/v1";

    public MatchingHost() : base("matching-db")
    {
        Settings["Matching:Taxonomy"] = "demo";
        Settings["Matching:SeedDemoData"] = "false";
        // No identity here: its consent registry is a closed loopback port, so a twin linked to an account is never
        // shown to an employer (the check fails closed) and the answer comes at once.
        Settings["services:identity:grpc:0"] = "http://127.0.0.1:1";
    }

    /// <summary>A user's token for the matching service.</summary>
    public static TestToken User(Guid organisation, params string[] roles) => TestToken.User("matching", organisation, roles);

    /// <summary>A partner system's token for the matching service.</summary>
    public static TestToken Client(Guid organisation, params string[] scopes) =>
        TestToken.Client("matching", "partner-" + organisation.ToString("N")[..8], organisation, scopes);

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Services.GetRequiredService<LoadedTaxonomy>().WhenReadyAsync(CancellationToken.None, TimeSpan.FromSeconds(60));
    }

    protected override WebApplication Build(string[] args) => MatchingApp.Build(args);

    public static HttpRequestMessage Extract(string text) => new(HttpMethod.Post, $"{ApiRoot}/skills:extract")
    {
        Content = new StringContent(JsonSerializer.Serialize(new { text }), Encoding.UTF8, "application/json"),
    };

    /// <summary>The body of an answer that must be a success, with the status and text in the failure message otherwise.</summary>
    public static async Task<JsonElement> SuccessAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The field violations of a 400 in the one error shape: field → Dutch description.</summary>
    public static async Task<Dictionary<string, string>> ViolationsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        using var body = JsonDocument.Parse(text);
        Assert.Equal(3, body.RootElement.GetProperty("code").GetInt32());
        return body.RootElement.GetProperty("details").EnumerateArray()
            .SelectMany(d => d.GetProperty("fieldViolations").EnumerateArray())
            .ToDictionary(v => v.GetProperty("field").GetString()!, v => v.GetProperty("description").GetString()!);
    }
}
