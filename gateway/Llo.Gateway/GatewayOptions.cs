namespace Llo.Gateway;

/// <summary>The gateway's own settings, bound from the <c>Gateway</c> configuration section.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>
    /// Service names as the AppHost names them (kebab-case); each gets a JSON and a gRPC route. The app host
    /// passes the services it declares (Gateway__Services__N); a gateway started alone routes none.
    /// </summary>
    public List<string> Services { get; set; } = [];

    /// <summary>gRPC package per service where it differs from <c>llo.&lt;name without dashes&gt;.v1</c>.</summary>
    public Dictionary<string, string> GrpcPackages { get; set; } = [];

    /// <summary>Address of the web front end (e.g. <c>http://web</c>); <c>/</c> is a landing page until it is set.</summary>
    public string? WebFrontEnd { get; set; }

    /// <summary>Path of each service's OpenAPI document, <c>{service}</c> replaced by its name.</summary>
    public string OpenApiPath { get; set; } = "/api/{service}/v1/openapi.json";

    /// <summary>Proxies (IP addresses or CIDR networks) whose X-Forwarded-For/Proto headers are believed.</summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>Largest request body accepted, in bytes; larger ones get 413.</summary>
    public long MaxRequestBodySize { get; set; } = 1024 * 1024;

    public RateLimitSettings RateLimit { get; set; } = new();

    /// <summary>Requests a single client may make to <c>/health</c> and <c>/alive</c>: a bucket of its own, so heavy API
    /// use never makes a probe fail, and probing cannot be used to load the services.</summary>
    public RateLimitSettings ProbeRateLimit { get; set; } = new() { PermitLimit = 60 };

    /// <summary>How long the public <c>/health</c> answer is reused before the services are asked again.</summary>
    public TimeSpan HealthCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the health check waits for a service's <c>/health</c>.</summary>
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public static GatewayOptions From(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<GatewayOptions>() ?? new GatewayOptions();
}

/// <summary>Requests a single client may make per window (fixed window, no queueing).</summary>
public sealed class RateLimitSettings
{
    public int PermitLimit { get; set; } = 600;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
