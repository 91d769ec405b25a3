using Google.Protobuf.Reflection;
using Llo.Hosting.Access;

namespace Llo.Hosting;

/// <summary>
/// A service's public API as the kit hosts it: <paramref name="service"/> is the path segment and resource name
/// ("inventory", "career-route"), <paramref name="title"/> the OpenAPI document's title.
/// </summary>
public sealed class LloApi(string service, string title)
{
    private readonly HashSet<FieldDescriptor> _requiredFields = [];
    private readonly Dictionary<string, AccessPolicy> _policies = new(StringComparer.Ordinal);

    public string Service { get; } = service;

    public string Title { get; } = title;

    /// <summary>1 MiB: the gateway's own limit, so a service reached directly accepts no more than through the gateway.</summary>
    public const int DefaultMaxRequestSize = 1024 * 1024;

    /// <summary>
    /// The largest JSON request body and the largest gRPC request message the service accepts, in bytes; larger ones
    /// are refused before they are read (HTTP 413 / RESOURCE_EXHAUSTED). A service that takes files sets more here.
    /// </summary>
    public int MaxRequestSize { get; init; } = DefaultMaxRequestSize;

    /// <summary>Every JSON path of the service starts here, e.g. <c>/api/inventory/v1</c>.</summary>
    public string PathPrefix => $"/api/{Service}/v1";

    public string OpenApiPath => $"{PathPrefix}/openapi.json";

    /// <summary>Fields the service's validation insists on; the OpenAPI document marks them required.</summary>
    public IReadOnlySet<FieldDescriptor> RequiredFields => _requiredFields;

    /// <summary>The service's named policies; every endpoint names one of them or is explicitly anonymous.</summary>
    public IReadOnlyCollection<AccessPolicy> Policies => _policies.Values;

    /// <summary>
    /// Declares fields of <paramref name="message"/> (proto names, "start_time") as required. proto3 cannot say so
    /// itself; an unknown name fails at start-up, so a renamed field cannot silently drop out of the document.
    /// </summary>
    public LloApi Require(MessageDescriptor message, params string[] protoFieldNames)
    {
        foreach (var name in protoFieldNames)
        {
            _requiredFields.Add(message.FindFieldByName(name)
                ?? throw new ArgumentException($"{message.FullName} has no field '{name}'.", nameof(protoFieldNames)));
        }

        return this;
    }

    /// <summary>
    /// Declares the policy <paramref name="name"/> ("projects.write"): a user's token passes with one of
    /// <paramref name="roles"/>, a partner system's client-credentials token with <paramref name="scope"/> (null: no
    /// partner system). Endpoints name it with <c>[Authorize(Policy = ...)]</c> or <c>.RequireAuthorization(name)</c>.
    /// <paramref name="userScope"/>, rarely needed, is a scope a user's token must carry as well as the role.
    /// </summary>
    public LloApi Policy(string name, IReadOnlyCollection<string> roles, string? scope = null, string? userScope = null)
    {
        if (!_policies.TryAdd(name, new AccessPolicy(name, roles, scope) { UserScope = userScope }))
        {
            throw new ArgumentException($"Policy '{name}' is declared twice.", nameof(name));
        }

        return this;
    }
}
