using System.Security.Cryptography;
using Llo.Identity.Api.Oidc;

namespace Llo.Identity.Tests;

/// <summary>An identity host whose login keys and token keys are encrypted before they are stored (Identity:Keys:AtRestKey).</summary>
public sealed class AtRestKeyIdentityHost : IdentityHost
{
    public AtRestKeyIdentityHost() => Settings[KeysAtRest.SettingName] = AtRestKey;

    public string AtRestKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The secret as the service reads it, to open what it stored.</summary>
    public KeysAtRest Secret => KeysAtRest.Parse(AtRestKey);
}
