using Llo.Hosting;
using V1 = Llo.Contracts.Identity.V1;

namespace Llo.Identity.Api;

/// <summary>The identity service's public API as the kit hosts it.</summary>
public static class IdentityApi
{
    public static readonly LloApi Definition = Access.IdentityPolicies.DeclareOn(new LloApi("identity", "Llo identiteit"))
        .Require(V1.OrganisationFields.Descriptor, "name")
        .Require(V1.InvitationFields.Descriptor, "email", "roles")
        .Require(V1.AcceptInvitationRequest.Descriptor, "token", "display_name", "password")
        .Require(V1.ClientFields.Descriptor, "display_name", "scopes")
        .Require(V1.GuardianshipFields.Descriptor, "parent_id", "child_id");
}
