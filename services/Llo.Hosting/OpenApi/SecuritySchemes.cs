using Microsoft.Extensions.Configuration;
using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Llo.Hosting.OpenApi;

/// <summary>
/// The ways to authenticate, in the document's components: OpenID Connect through the gateway's discovery document
/// (<c>Llo:Identity:Issuer</c> + <c>.well-known/openid-configuration</c>), and a plain bearer JWT for a token one
/// already has (<c>./llo token ROLE</c>). <see cref="SecurityRequirementsOperationFilter"/> names them per operation.
/// </summary>
internal sealed class SecuritySchemes(IConfiguration configuration) : IDocumentFilter
{
    public const string OpenIdConnect = "oidc";
    public const string Bearer = "bearer";

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        // Without a configured issuer (a bare test host) the discovery document is the one on this address.
        var issuer = configuration[Access.TokenValidation.IssuerKey];
        var discovery = string.IsNullOrWhiteSpace(issuer)
            ? new Uri("/.well-known/openid-configuration", UriKind.Relative)
            : new Uri(new Uri(issuer.EndsWith('/') ? issuer : issuer + "/"), ".well-known/openid-configuration");

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes[OpenIdConnect] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OpenIdConnect,
            OpenIdConnectUrl = discovery,
            Description = "Inloggen bij de Llo-identiteitsdienst via de gateway (OpenID Connect: autorisatiecode met PKCE voor "
                + "webapplicaties, client credentials voor partnersystemen).",
        };
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "Een toegangstoken van de Llo-identiteitsdienst in de header Authorization: Bearer … "
                + "(in de demo: ./llo token ROL).",
        };
    }
}
