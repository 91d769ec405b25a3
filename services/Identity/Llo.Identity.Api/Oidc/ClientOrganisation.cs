using System.Text.Json;
using OpenIddict.Abstractions;

namespace Llo.Identity.Api.Oidc;

/// <summary>Every client acts for one organisation, kept in the OpenIddict application's properties as <c>org</c>.</summary>
public static class ClientOrganisation
{
    public const string Property = "org";

    public static async Task<Guid?> FindAsync(IOpenIddictApplicationManager applications, string clientId, CancellationToken ct)
    {
        var application = await applications.FindByClientIdAsync(clientId, ct);
        if (application is null)
        {
            return null;
        }

        var properties = await applications.GetPropertiesAsync(application, ct);
        return properties.TryGetValue(Property, out var value) && value.ValueKind == JsonValueKind.String
            && Guid.TryParse(value.GetString(), out var organisationId)
                ? organisationId
                : null;
    }

    public static JsonElement Value(Guid organisationId) => JsonSerializer.SerializeToElement(organisationId.ToString("D"));
}
