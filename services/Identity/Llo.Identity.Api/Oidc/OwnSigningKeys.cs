using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using OpenIddict.Server;

namespace Llo.Identity.Api.Oidc;

/// <summary>
/// The keys the kit's token validation checks the identity API's tokens with: the ones this service signs with (the
/// <see cref="SigningKeys.KeyRing"/>, through OpenIddict's options), so it never fetches its own JWKS over the network.
/// Every other service gets the same keys from <c>/.well-known/jwks</c>.
/// </summary>
public sealed class OwnSigningKeys(IOptionsMonitor<OpenIddictServerOptions> server) : IConfigurationManager<OpenIdConnectConfiguration>
{
    public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        var configuration = new OpenIdConnectConfiguration();
        foreach (var credentials in server.CurrentValue.SigningCredentials)
        {
            configuration.SigningKeys.Add(credentials.Key);
        }

        return Task.FromResult(configuration);
    }

    // KeyRingRefresh rebuilds the options on its own schedule; a token naming an unknown key must not reload the ring.
    public void RequestRefresh()
    {
    }
}
