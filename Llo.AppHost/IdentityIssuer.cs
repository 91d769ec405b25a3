namespace Llo.AppHost;

public static class IdentityIssuer
{
    /// <summary>
    /// The identity contract: the token issuer is the gateway's public address, so every service checks <c>iss</c>
    /// against it (Llo__Identity__Issuer, with a trailing slash) and the web client's redirect URI points at it; every
    /// other service gets a reference to the identity service, whose signing keys it fetches.
    /// Call after every service and the gateway are declared.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithIdentityIssuer(this IResourceBuilder<ProjectResource> gateway)
    {
        var app = gateway.ApplicationBuilder;
        var publicAddress = gateway.GetEndpoint("http");
        foreach (var resource in LloServices.Declared(app.Resources).Append(gateway.Resource))
        {
            app.CreateResourceBuilder(resource)
                .WithEnvironment("Llo__Identity__Issuer", ReferenceExpression.Create($"{publicAddress}/"));
        }

        if (app.Resources.OfType<ProjectResource>().FirstOrDefault(resource => resource.Name == "identity") is { } identity)
        {
            // Every other service fetches the signing keys from http://identity (service discovery).
            var identityService = app.CreateResourceBuilder(identity);
            foreach (var service in LloServices.Declared(app.Resources).Where(service => service != identity))
            {
                app.CreateResourceBuilder(service).WithReference(identityService);
            }

            identityService
                .WithEnvironment("Identity__Clients__Web__RedirectUris__0", ReferenceExpression.Create($"{publicAddress}/signin-callback"))
                .WithEnvironment("Identity__Clients__Web__PostLogoutRedirectUris__0", ReferenceExpression.Create($"{publicAddress}/"));
        }

        return gateway;
    }
}
