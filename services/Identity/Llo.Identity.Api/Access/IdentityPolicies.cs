using System.Security.Claims;
using Llo.Identity.Api.Accounts;
using Microsoft.AspNetCore.Authorization;
using OpenIddict.Abstractions;

namespace Llo.Identity.Api.Access;

/// <summary>
/// The identity API's own policies, on its own tokens (OpenIddict validation, audience <c>llo-identity</c>). Kept small
/// and local: the shared kit's policies replace them once merged.
/// </summary>
public static class IdentityPolicies
{
    /// <summary>Any caller with an identity scope (read or write).</summary>
    public const string Reader = "identity.reader";

    /// <summary>A programme manager or operator with <c>identity.write</c>: administers their own organisation.</summary>
    public const string Administrator = "identity.administrator";

    /// <summary>An operator with <c>identity.write</c>: registers organisations.</summary>
    public const string Operator = "identity.operator";

    /// <summary>A privacy officer (a person, never a partner system): reads and verifies the audit log.</summary>
    public const string AuditRead = "identity.audit";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Reader, policy => policy.RequireAuthenticatedUser()
            .RequireAssertion(context => context.User.HasScope("identity.read") || context.User.HasScope("identity.write")));
        options.AddPolicy(Administrator, policy => policy.RequireAuthenticatedUser()
            .RequireAssertion(context => context.User.HasScope("identity.write") && HasAnyRole(context.User, Roles.Administrators)));
        options.AddPolicy(Operator, policy => policy.RequireAuthenticatedUser()
            .RequireAssertion(context => context.User.HasScope("identity.write") && HasAnyRole(context.User, [Roles.Operator])));
        options.AddPolicy(AuditRead, policy => policy.RequireAuthenticatedUser()
            .RequireAssertion(context => HasAnyRole(context.User, [Llo.Hosting.Access.LloRoles.PrivacyOfficer])));
    }

    private static bool HasAnyRole(ClaimsPrincipal user, IEnumerable<string> roles) =>
        user.GetClaims(OpenIddictConstants.Claims.Role).Intersect(roles).Any();
}
