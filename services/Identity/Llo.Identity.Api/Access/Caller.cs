using Grpc.Core;
using Llo.Identity.Api.Oidc;
using OpenIddict.Abstractions;

namespace Llo.Identity.Api.Access;

/// <summary>Who calls: the subject and the organisation they act for, from the validated token.</summary>
public sealed record Caller(string Subject, Guid OrganisationId)
{
    public static Caller Of(ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        return Guid.TryParse(user.GetClaim(CallerPrincipal.OrganisationClaim), out var organisationId)
            ? new Caller(user.GetClaim(OpenIddictConstants.Claims.Subject) ?? "", organisationId)
            : throw new RpcException(new Status(StatusCode.PermissionDenied, "Uw token noemt geen organisatie."));
    }

    /// <summary>PERMISSION_DENIED unless the object belongs to the caller's organisation.</summary>
    public void RequireOwn(Guid organisationId)
    {
        if (organisationId != OrganisationId)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "Dit hoort bij een andere organisatie dan de uwe."));
        }
    }
}
