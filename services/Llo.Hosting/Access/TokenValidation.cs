using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Llo.Hosting.Access;

/// <summary>
/// How a service checks an access token (the identity contract): an RS256 JWT of type <c>at+jwt</c>, signed with a key
/// from <c>{Llo:Identity:Authority}/.well-known/jwks</c>, issued by <c>Llo:Identity:Issuer</c>, for the audience
/// <c>llo-&lt;service&gt;</c>, not expired. Claims stay as the token names them (<c>sub</c>, <c>org</c>, <c>role</c>, <c>scope</c>).
/// The identity service, which holds the keys itself, registers its own
/// <see cref="IConfigurationManager{T}">IConfigurationManager&lt;OpenIdConnectConfiguration&gt;</see> instead, so it
/// checks its own tokens the same way without calling itself.
/// </summary>
internal sealed class TokenValidation(
    IConfiguration configuration, IHttpClientFactory httpClients, LloApi api,
    IEnumerable<IConfigurationManager<OpenIdConnectConfiguration>> localKeys)
    : IConfigureNamedOptions<JwtBearerOptions>
{
    public const string AuthorityKey = "Llo:Identity:Authority";
    public const string IssuerKey = "Llo:Identity:Issuer";
    public const string DefaultAuthority = "http://identity";

    /// <summary>The HttpClient that fetches the keys; service discovery resolves <c>http://identity</c> for it.</summary>
    public const string KeysClient = "llo-identity-keys";

    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme)
        {
            return;
        }

        var authority = (configuration[AuthorityKey] is { Length: > 0 } configured ? configured : DefaultAuthority).TrimEnd('/');
        options.MapInboundClaims = false;
        // The keys are cached; a token signed with an unknown kid makes the handler ask for a refresh, at most
        // once per RefreshInterval, so a rotated key is picked up without a restart.
        options.ConfigurationManager = localKeys.LastOrDefault() ?? new ConfigurationManager<OpenIdConnectConfiguration>(
            $"{authority}/.well-known/jwks",
            new JwksRetriever(),
            new HttpDocumentRetriever(httpClients.CreateClient(KeysClient)) { RequireHttps = false })
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(1),
            RefreshInterval = TimeSpan.FromSeconds(10),
        };
        options.RefreshOnIssuerKeyNotFound = true;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            // Without a configured issuer no token is valid: better refused than accepted from anyone.
            ValidIssuer = configuration[IssuerKey],
            ValidateIssuer = true,
            ValidAudience = $"llo-{api.Service}",
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidTypes = ["at+jwt"],
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = LloClaims.Subject,
            RoleClaimType = LloClaims.Role,
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);
}
