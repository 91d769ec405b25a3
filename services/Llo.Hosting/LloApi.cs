namespace Llo.Hosting;

/// <summary>
/// A service's public API as the kit hosts it: <paramref name="Service"/> is the path segment and resource name
/// ("inventory", "career-route"), <paramref name="Title"/> the OpenAPI document's title.
/// </summary>
public sealed record LloApi(string Service, string Title)
{
    /// <summary>Every JSON path of the service starts here, e.g. <c>/api/inventory/v1</c>.</summary>
    public string PathPrefix => $"/api/{Service}/v1";

    public string OpenApiPath => $"{PathPrefix}/openapi.json";
}
