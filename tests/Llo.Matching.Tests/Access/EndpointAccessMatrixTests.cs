using System.Net;
using System.Text.Json;
using Grpc.AspNetCore.Server;
using Llo.Hosting;
using Llo.Hosting.Access;
using Llo.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Llo.Matching.Tests.MatchingHost;

namespace Llo.Matching.Tests.Access;

/// <summary>
/// The access matrix, generated from the service's own endpoint list: every endpoint names a declared policy or is
/// explicitly anonymous, the anonymous ones are exactly the public taxonomy reads, and every endpoint with a policy
/// refuses anonymous callers (401) and callers without a role or the scope (403) and lets every role through.
/// A new endpoint without a policy, or without a row here, fails.
/// </summary>
public sealed class EndpointAccessMatrixTests(MatchingHost host) : IClassFixture<MatchingHost>
{
    private static readonly Guid Own = TestOrganisations.One;

    private static readonly string[] ExpectedAnonymous = ["TaxonomyService/SearchOccupations", "TaxonomyService/SearchSkills"];

    private sealed record Case(TestToken[] Allowed, TestToken[] Refused, Func<HttpRequestMessage> Request);

    private sealed record EndpointAccess(string Key, IReadOnlyList<string> Policies, bool Anonymous);

    private static readonly string[] AllRoles =
    [
        LloRoles.ProgrammeManager, LloRoles.ProjectLeader, LloRoles.PartnerEditor, LloRoles.HrManager, LloRoles.Coach,
        LloRoles.Counsellor, LloRoles.Worker, LloRoles.Parent, LloRoles.MunicipalityAnalyst, LloRoles.PrivacyOfficer,
        LloRoles.Operator,
    ];

    private static Dictionary<string, Case> Cases() => new()
    {
        ["SkillExtractionService/ExtractSkills"] = new(
            [.. AllRoles.Select(role => User(Own, role)), Client(Own, "matching.read")],
            [User(Own), Client(Own), Client(Own, "matching.write"), Client(Own, "inventory.read")],
            () => Extract("Ervaring als heftruckchauffeur.")),
    };

    private IReadOnlyList<EndpointAccess> Endpoints()
    {
        var byKey = new Dictionary<string, List<Endpoint>>();
        foreach (var endpoint in host.Services.GetRequiredService<EndpointDataSource>().Endpoints)
        {
            if (KeyOf(endpoint) is { } key)
            {
                byKey.TryAdd(key, []);
                byKey[key].Add(endpoint);
            }
        }

        return byKey.Select(pair => new EndpointAccess(
            pair.Key,
            pair.Value.SelectMany(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>()).Select(a => a.Policy ?? "(geen naam)").Distinct().ToList(),
            pair.Value.All(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null))).ToList();
    }

    private static string? KeyOf(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<GrpcMethodMetadata>() is { } grpc)
        {
            const string package = "llo.matching.v1.";
            return grpc.Method.ServiceName.StartsWith(package, StringComparison.Ordinal)
                ? $"{grpc.Method.ServiceName[package.Length..]}/{grpc.Method.Name}"
                : null;
        }

        if (endpoint is RouteEndpoint { RoutePattern.RawText: { } pattern }
            && (pattern.StartsWith("/api/", StringComparison.Ordinal) || pattern.StartsWith("/admin/", StringComparison.Ordinal)))
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"];
            return $"{string.Join(',', methods)} {pattern}";
        }

        return null;
    }

    [Fact]
    public void Every_endpoint_names_exactly_one_declared_policy_or_is_explicitly_anonymous()
    {
        var declared = host.Services.GetRequiredService<LloApi>().Policies.Select(p => p.Name).ToHashSet();
        var endpoints = Endpoints();
        Assert.True(endpoints.Count >= 3, $"Only {endpoints.Count} endpoints found: {string.Join(", ", endpoints.Select(e => e.Key))}");

        var wrong = endpoints
            .Where(e => e.Anonymous ? e.Policies.Count > 0 : e.Policies.Count != 1 || !declared.Contains(e.Policies[0]))
            .Select(e => $"{e.Key}: policies [{string.Join(", ", e.Policies)}], anonymous {e.Anonymous}")
            .ToList();
        Assert.True(wrong.Count == 0, "Each endpoint needs one declared policy or [AllowAnonymous]:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void The_anonymous_endpoints_are_exactly_the_taxonomy_searches()
    {
        Assert.Equal(ExpectedAnonymous.Order(), Endpoints().Where(e => e.Anonymous).Select(e => e.Key).Order());
    }

    [Fact]
    public async Task Every_endpoint_with_a_policy_refuses_anonymous_callers_and_callers_without_role_or_scope_and_admits_every_role()
    {
        var cases = Cases();
        var failures = new List<string>();
        var guarded = Endpoints().Where(e => !e.Anonymous).ToList();
        Assert.NotEmpty(guarded);
        foreach (var endpoint in guarded)
        {
            if (!cases.TryGetValue(endpoint.Key, out var row))
            {
                failures.Add($"{endpoint.Key}: no row in the access matrix; add who may call it and who may not.");
                continue;
            }

            var (anonymous, anonymousCode) = await SendAsync(null, row);
            if (anonymous.StatusCode != HttpStatusCode.Unauthorized || anonymousCode != 16 || !anonymous.Headers.WwwAuthenticate.Any(h => h.Scheme == "Bearer"))
            {
                failures.Add($"{endpoint.Key} anonymous: {(int)anonymous.StatusCode} code {anonymousCode}, expected 401 Unauthenticated with WWW-Authenticate");
            }

            foreach (var refused in row.Refused)
            {
                var (response, code) = await SendAsync(refused, row);
                if (response.StatusCode != HttpStatusCode.Forbidden || code != 7)
                {
                    failures.Add($"{endpoint.Key} as {Describe(refused)}: {(int)response.StatusCode} code {code}, expected 403 PermissionDenied");
                }
            }

            foreach (var allowed in row.Allowed)
            {
                var (response, _) = await SendAsync(allowed, row);
                if (!response.IsSuccessStatusCode)
                {
                    failures.Add($"{endpoint.Key} as {Describe(allowed)}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task<(HttpResponseMessage Response, int? Code)> SendAsync(TestToken? token, Case row)
    {
        var response = await host.JsonAs(token).SendAsync(row.Request());
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            using var body = JsonDocument.Parse(text);
            return (response, body.RootElement.TryGetProperty("code", out var code) ? code.GetInt32() : null);
        }
        catch (JsonException)
        {
            return (response, null);
        }
    }

    private static string Describe(TestToken token) => token.ClientId == "llo-web"
        ? "user with roles [" + string.Join('+', token.Roles) + "]"
        : "client with scopes [" + string.Join('+', token.Scopes) + "]";
}
