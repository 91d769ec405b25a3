using Llo.Identity.Api.Oidc;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Llo.Identity.Api.Seed;

/// <summary>
/// The platform's own clients, written at every start so a changed setting takes effect: <c>llo-web</c> (public,
/// authorization code + PKCE) always; with the demo users also <c>llo-cli</c> (public, password grant) and
/// <c>demo-partner</c> (confidential, client credentials). Without demo users those two are removed.
/// </summary>
public sealed class ClientSeeder(IOpenIddictApplicationManager applications, IConfiguration configuration)
{
    public const string Web = "llo-web", Cli = "llo-cli", DemoPartner = "demo-partner";

    public async Task SeedAsync(bool demo, CancellationToken ct)
    {
        await WriteAsync(WebClient(), ct);
        if (demo)
        {
            await WriteAsync(CliClient(), ct);
            await WriteAsync(DemoPartnerClient(), ct);
            return;
        }

        foreach (var clientId in new[] { Cli, DemoPartner })
        {
            if (await applications.FindByClientIdAsync(clientId, ct) is { } existing)
            {
                await applications.DeleteAsync(existing, ct);
            }
        }
    }

    private async Task WriteAsync(OpenIddictApplicationDescriptor descriptor, CancellationToken ct)
    {
        if (await applications.FindByClientIdAsync(descriptor.ClientId!, ct) is { } existing)
        {
            await applications.UpdateAsync(existing, descriptor, ct);
        }
        else
        {
            await applications.CreateAsync(descriptor, ct);
        }
    }

    private OpenIddictApplicationDescriptor WebClient()
    {
        var descriptor = Public(Web, "Llo-webapplicatie",
            Permissions.Endpoints.Authorization, Permissions.Endpoints.EndSession,
            Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code);
        descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        var redirects = configuration.GetSection("Identity:Clients:Web:RedirectUris").Get<string[]>()
            ?? ["http://localhost:8080/signin-callback"];
        foreach (var uri in redirects)
        {
            descriptor.RedirectUris.Add(new Uri(uri));
        }

        foreach (var uri in configuration.GetSection("Identity:Clients:Web:PostLogoutRedirectUris").Get<string[]>() ?? ["http://localhost:8080/"])
        {
            descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
        }

        return descriptor;
    }

    private static OpenIddictApplicationDescriptor CliClient() =>
        Public(Cli, "Llo-opdrachtregel (demo)", Permissions.GrantTypes.Password, Permissions.GrantTypes.RefreshToken);

    private OpenIddictApplicationDescriptor DemoPartnerClient()
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = DemoPartner,
            ClientSecret = configuration["Identity:Clients:DemoPartner:Secret"] ?? "demo-partner-geheim",
            ClientType = ClientTypes.Confidential,
            DisplayName = "Demo-partnersysteem",
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        descriptor.Permissions.Add(Permissions.Prefixes.Scope + "inventory.read");
        descriptor.Permissions.Add(Permissions.Prefixes.Scope + "finance.read");
        descriptor.Properties[ClientOrganisation.Property] = ClientOrganisation.Value(DemoAccounts.Organisations[0].Id);
        return descriptor;
    }

    private static OpenIddictApplicationDescriptor Public(string clientId, string name, params string[] permissions)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = name,
        };
        descriptor.Permissions.Add(Permissions.Endpoints.Token);
        foreach (var permission in permissions)
        {
            descriptor.Permissions.Add(permission);
        }

        foreach (var scope in LloScopes.All.Where(scope => scope != Scopes.OpenId))
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        return descriptor;
    }
}
