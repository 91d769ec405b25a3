using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Llo.Hosting.Access;

/// <summary>
/// Token validation and the service's named policies, registered by <see cref="LloApiHosting.AddLloApi"/>. The keys are
/// fetched with an HttpClient from the factory, which the service defaults give service discovery and resilience.
/// </summary>
internal static class LloAccess
{
    public static IServiceCollection AddLloAccess(this IServiceCollection services, LloApi api)
    {
        services.AddHttpClient(TokenValidation.KeysClient);
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, TokenValidation>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        // Read when the options are first built, so a policy declared after AddLloApi still counts.
        services.AddAuthorization(options =>
        {
            foreach (var policy in api.Policies)
            {
                options.AddPolicy(policy.Name, builder => builder
                    .RequireAuthenticatedUser()
                    .RequireAssertion(context => policy.Allows(Caller.From(context.User))));
            }
        });
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AccessDeniedAnswer>();
        return services;
    }
}
