using Llo.Identity.Api.SigningKeys;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Npgsql;
using OpenIddict.Server;

namespace Llo.Identity.Api.Oidc;

/// <summary>
/// The OpenID Connect server: OpenIddict with its EF Core store in the service's database, the flows the platform
/// uses, token keys from the <see cref="KeyRing"/>, a login cookie for the authorization endpoint, and those keys for
/// the kit's bearer validation of the identity API.
/// </summary>
public static class OidcServer
{
    public const string LoginCookie = CookieAuthenticationDefaults.AuthenticationScheme;

    public static WebApplicationBuilder AddOidcServer(this WebApplicationBuilder builder)
    {
        builder.Services.AddDbContext<OidcDbContext>((services, options) => options
            .UseNpgsql(services.GetRequiredService<NpgsqlDataSource>())
            .UseOpenIddict());

        // The secret that encrypts the token keys and the login keys before they are stored (when it is set).
        var atRest = KeysAtRest.From(builder.Configuration);
        if (atRest is not null)
        {
            builder.Services.AddSingleton(atRest);
        }

        builder.Services.Configure<KeyRingSettings>(builder.Configuration.GetSection("Identity:Keys"));
        builder.Services.AddSingleton<KeyRing>();
        builder.Services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, KeyRingOptions>();
        builder.Services.AddHostedService<KeyRingRefresh>();

        // The issuer is the public gateway (Llo:Identity:Issuer); without it (a test host) the request's own address.
        var issuer = builder.Configuration["Llo:Identity:Issuer"];
        var lifetimes = TokenLifetimes.From(builder.Configuration);

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<OidcDbContext>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetEndSessionEndpointUris("connect/logout");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow()
                    .AllowPasswordFlow();
                server.RegisterScopes([.. LloScopes.All]);
                server.RegisterClaims("org", "role", "name");
                server.SetAccessTokenLifetime(lifetimes.AccessToken)
                    .SetRefreshTokenLifetime(lifetimes.RefreshToken);
                // Services validate access tokens themselves with the published keys: plain signed JWTs.
                server.DisableAccessTokenEncryption();
                if (!string.IsNullOrWhiteSpace(issuer))
                {
                    server.SetIssuer(new Uri(issuer));
                }

                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    // Plain HTTP behind the gateway and on loopback; TLS ends before it.
                    .DisableTransportSecurityRequirement();
            });

        // The identity API is checked by the kit (AddLloApi: bearer tokens, the policies of IdentityApi), with this
        // service's own keys instead of its JWKS over the network.
        builder.Services.AddSingleton<IConfigurationManager<OpenIdConnectConfiguration>, OwnSigningKeys>();
        builder.Services.AddAuthentication()
            .AddCookie(LoginCookie, cookie =>
            {
                cookie.Cookie.Name = "llo.login";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.LoginPath = "/account/login";
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                // A relative redirect, so the browser stays on the gateway's address it came through.
                cookie.Events.OnRedirectToLogin = context =>
                {
                    var target = new Uri(context.RedirectUri, UriKind.RelativeOrAbsolute);
                    context.Response.Redirect(target.IsAbsoluteUri ? target.PathAndQuery : context.RedirectUri);
                    return Task.CompletedTask;
                };
            });
        builder.Services.AddAntiforgery(options => options.Cookie.Name = "llo.antiforgery");
        LoginProtectionKeys.AddTo(builder.Services, atRest);
        return builder;
    }
}
