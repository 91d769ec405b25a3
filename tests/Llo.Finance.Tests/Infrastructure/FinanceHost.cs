using System.Net;
using System.Text.Json;
using Llo.Finance.Api;
using Llo.Hosting.Access;
using Llo.Testing;
using Microsoft.AspNetCore.Builder;

namespace Llo.Finance.Tests.Infrastructure;

/// <summary>
/// The real finance service on loopback ports with its own fresh database, the plan's budget seeded on start as in the
/// demo. <see cref="ServiceTestHost.Json"/> and <see cref="ServiceTestHost.Grpc"/> act as the programme manager of demo
/// organisation 1; the access tests make their own callers with <see cref="As"/>.
/// </summary>
public sealed class FinanceHost() : ServiceTestHost("finance-db")
{
    protected override TestToken? DefaultToken => User(TestOrganisations.One, LloRoles.ProgrammeManager);

    /// <summary>A user's token for the finance service.</summary>
    public static TestToken User(Guid organisation, params string[] roles) => TestToken.User("finance", organisation, roles);

    /// <summary>A partner system's token for the finance service.</summary>
    public static TestToken Client(Guid organisation, params string[] scopes) =>
        TestToken.Client("finance", "partner-" + organisation.ToString("N")[..8], organisation, scopes);

    /// <summary>A JSON client for <paramref name="token"/> (null: anonymous).</summary>
    public HttpClient As(TestToken? token) => JsonAs(token);

    protected override WebApplication Build(string[] args) => FinanceApp.Build(args);

    /// <summary>The body of an answer with the expected status, with the status and text in the failure message otherwise.</summary>
    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A Money as JSON carries it (cents as a number or, by proto3 JSON rules, a string; zero may be left out), in euros.</summary>
    public static decimal Euros(JsonElement money) => !money.TryGetProperty("cents", out var cents) ? 0m
        : (cents.ValueKind == JsonValueKind.String ? long.Parse(cents.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : cents.GetInt64()) / 100m;
}
