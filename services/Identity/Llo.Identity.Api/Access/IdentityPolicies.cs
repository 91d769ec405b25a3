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

    /// <summary>A person (a user's token, any role) with an identity scope: reads their own privacy requests and consents.</summary>
    public const string PersonRead = "identity.person-read";

    /// <summary>A person (a user's token, any role) with <c>identity.write</c>: asks for an export or erasure, gives or withdraws consent.</summary>
    public const string PersonWrite = "identity.person-write";

    /// <summary>A privacy officer (a person, never a partner system): reads and verifies the audit log.</summary>
    public const string AuditRead = "identity.audit";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(PersonRead, policy => policy.RequireAuthenticatedUser()
            .RequireAssertion(context => IsPerson(context.User) && (context.User.HasScope("identity.read") || context.User.HasScope("identity.write"))));
        options.AddPolicy(PersonWrite, policy => policy.RequireAuthenticatedUser()
            .RequireAssertion(context => IsPerson(context.User) && context.User.HasScope("identity.write")));
        options.AddPolicy(Reader, policy => policy.RequireAuthenticatedUser()
            .RequireAssertion(context => context.User.HasScope("identity.read") || context.User.HasScope("identity.write")));
        options.AddPolicy(Administrator, policy => policy.RequireAuthenticatedUser()
            .RequireAssertion(context => context.User.HasScope("identity.write") && HasAnyRole(context.User, Roles.Administrators)));
        options.AddPolicy(Operator, policy => policy.RequireAuthenticatedUser()
            .RequireAssertion(context => context.User.HasScope("identity.write") && HasAnyRole(context.User, [Roles.Operator])));
        options.AddPolicy(AuditRead, policy => policy.RequireAuthenticatedUser()
            .RequireAssertion(context => HasAnyRole(context.User, [Llo.Hosting.Access.LloRoles.PrivacyOfficer])));
    }

    // A user's token names a user id as its subject; a partner system's client-credentials token names the client.
    private static bool IsPerson(ClaimsPrincipal user) => Llo.Hosting.Access.Caller.From(user).UserId is not null;

    private static bool HasAnyRole(ClaimsPrincipal user, IEnumerable<string> roles) =>
        user.GetClaims(OpenIddictConstants.Claims.Role).Intersect(roles).Any();
}
