using Llo.Hosting;

namespace Llo.Identity.Api;

/// <summary>The identity service's public API as the kit hosts it.</summary>
public static class IdentityApi
{
    public static readonly LloApi Definition = new("identity", "Llo identiteit");
}
