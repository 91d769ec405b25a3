using System.Net;
using System.Text.Json;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Llo.Testing;

/// <summary>One endpoint of a service as its access-matrix test sees it: the policies it names and whether it is anonymous.</summary>
public sealed record EndpointAccess(string Key, IReadOnlyList<string> Policies, bool Anonymous);

/// <summary>
/// Reads a service's own endpoints from its running host, so an access-matrix test is generated from what the service
/// really serves: a new endpoint without a policy, or without a row in the matrix, fails its test.
/// </summary>
public static class EndpointCatalogue
{
    /// <summary>
    /// One entry per gRPC method of <paramref name="grpcPackage"/> (its native and JSON routes together, keyed
    /// <c>Service/Method</c>) and per minimal API route under /api/ or /admin/ (keyed <c>VERB /path</c>).
    /// </summary>
    public static IReadOnlyList<EndpointAccess> Read(IServiceProvider services, string grpcPackage)
    {
        var byKey = new Dictionary<string, List<Endpoint>>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints)
        {
            if (KeyOf(endpoint, grpcPackage) is { } key)
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

    /// <summary>The endpoints that neither name exactly one declared policy nor are anonymous without any policy, described.</summary>
    public static IReadOnlyList<string> WithoutOneDeclaredPolicy(IEnumerable<EndpointAccess> endpoints, IReadOnlySet<string> declared) =>
        endpoints
            .Where(e => e.Anonymous ? e.Policies.Count > 0 : e.Policies.Count != 1 || !declared.Contains(e.Policies[0]))
            .Select(e => $"{e.Key}: policies [{string.Join(", ", e.Policies)}], anonymous {e.Anonymous}")
            .ToList();

    /// <summary>The gRPC status code in a JSON error body (google.rpc.Status), or null when the body is not one.</summary>
    public static async Task<int?> ErrorCodeAsync(HttpResponseMessage response)
    {
        try
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return body.RootElement.TryGetProperty("code", out var code) ? code.GetInt32() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>401 with the Unauthenticated code and a Bearer challenge, as the kit answers a caller without a valid token.</summary>
    public static bool IsUnauthenticated(HttpResponseMessage response, int? code) =>
        response.StatusCode == HttpStatusCode.Unauthorized && code == 16 && response.Headers.WwwAuthenticate.Any(h => h.Scheme == "Bearer");

    /// <summary>403 with the PermissionDenied code, as the kit answers a caller without the role, scope or object right.</summary>
    public static bool IsPermissionDenied(HttpResponseMessage response, int? code) =>
        response.StatusCode == HttpStatusCode.Forbidden && code == 7;

    private static string? KeyOf(Endpoint endpoint, string grpcPackage)
    {
        if (endpoint.Metadata.GetMetadata<GrpcMethodMetadata>() is { } grpc)
        {
            return grpc.Method.ServiceName.StartsWith(grpcPackage, StringComparison.Ordinal)
                ? $"{grpc.Method.ServiceName[grpcPackage.Length..]}/{grpc.Method.Name}"
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
}
