using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Llo.Hosting.OpenApi;

/// <summary>
/// Per operation, what its policy asks (<see cref="LloApi.Policy"/>): nothing for an anonymous endpoint; otherwise a
/// token through either scheme of <see cref="SecuritySchemes"/>, with the policy's partner scope, and the roles that
/// pass in <c>x-llo-roles</c> (proto3 and OpenAPI have no word for roles).
/// </summary>
internal sealed class SecurityRequirementsOperationFilter(LloApi api) : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        // The endpoint's metadata: the [Authorize]/[AllowAnonymous] of the gRPC method and its class, or of a minimal API.
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        if (metadata.OfType<IAllowAnonymous>().Any() || authorize.Count == 0)
        {
            return;
        }

        var names = authorize.Select(a => a.Policy).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var policies = api.Policies.Where(p => names.Contains(p.Name)).ToList();
        // Several policies on one endpoint must all pass: every scope is needed, and only a role each of them lets in.
        var scopes = policies.Select(p => p.Scope).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        List<string> roles = policies.Count == 0 ? [] : policies.Select(p => (IEnumerable<string>)p.Roles).Aggregate((a, b) => a.Intersect(b)).ToList();

        operation.Security =
        [
            new OpenApiSecurityRequirement { [Reference(SecuritySchemes.OpenIdConnect)] = scopes },
            new OpenApiSecurityRequirement { [Reference(SecuritySchemes.Bearer)] = [] },
        ];
        var roleList = new OpenApiArray();
        roleList.AddRange(roles.Select(role => new OpenApiString(role)));
        operation.Extensions["x-llo-roles"] = roleList;
    }

    private static OpenApiSecurityScheme Reference(string scheme) => new()
    {
        Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = scheme },
    };
}
