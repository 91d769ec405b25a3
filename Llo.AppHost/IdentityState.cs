using Llo.AppHost.Infrastructure;

namespace Llo.AppHost;

public static class IdentityState
{
    /// <summary>
    /// What identity keeps outside its database, under the state directory: the witness of the audit chain's head
    /// (someone who can rewrite the database cannot rewrite this file through it) and the secret that encrypts the login
    /// keys and the token signing keys before they are stored (a copy of the database alone forges no login cookie and
    /// signs no token; the file keeps its first name, so existing installations keep their secret). In production both belong on
    /// another machine or in a secret store; the settings are <c>Identity:Audit:WitnessPath</c> and
    /// <c>Identity:Keys:AtRestKey</c>.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithStateOutsideItsDatabase(this IResourceBuilder<ProjectResource> identity)
    {
        var state = LloSettings.From(identity.ApplicationBuilder).StateDirectory;
        var key = SecretFile.ReadOrCreate(Path.Combine(state, "secrets", "identity-login-keys.key"), randomBytes: 32);
        return identity
            .WithEnvironment("Identity__Audit__WitnessPath", Path.Combine(state, "identity", "audit-witness.log"))
            .WithEnvironment("Identity__Keys__AtRestKey", Convert.ToBase64String(Convert.FromHexString(key)));
    }
}
