using System.Text.Json;
using Llo.Kit.Tests.SampleService;
using Llo.Hosting.Access;
using Llo.Testing;
using Microsoft.AspNetCore.Builder;

namespace Llo.Kit.Tests;

/// <summary>The sample service on real loopback ports (JSON on HTTP/1.1, gRPC on h2c), with a fresh database and the test RabbitMQ.</summary>
public sealed class KitSampleHost() : ServiceTestHost("kitsample-db")
{
    protected override WebApplication Build(string[] args) => KitSampleApp.Build(args);

    /// <summary>The tests write as the programme manager unless they ask for another caller.</summary>
    protected override TestToken? DefaultToken => User(LloRoles.ProgrammeManager);

    public static TestToken User(params string[] roles) => TestToken.User("kitsample", TestOrganisations.One, roles);

    /// <summary>The body of an answer that must be a success, with the status and text in the failure message otherwise.</summary>
    public static async Task<JsonElement> SuccessAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
