namespace Llo.Identity.Api.Oidc;

/// <summary>
/// How long tokens live (<c>Identity:Tokens</c>). Access tokens are short (default 5 minutes, at most an hour) because
/// the services check them without asking identity: an erased or changed person's access token keeps working until it
/// expires, and only a refresh, which identity refuses for them, extends it.
/// </summary>
public sealed record TokenLifetimes(TimeSpan AccessToken, TimeSpan RefreshToken)
{
    public const string SectionName = "Identity:Tokens";
    public static readonly TimeSpan DefaultAccessToken = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxAccessToken = TimeSpan.FromHours(1);
    public static readonly TimeSpan DefaultRefreshToken = TimeSpan.FromDays(14);

    /// <summary>The lifetimes configured, or the defaults; a value out of range stops the start with the key named.</summary>
    public static TokenLifetimes From(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var access = section.GetValue("AccessTokenLifetime", DefaultAccessToken);
        var refresh = section.GetValue("RefreshTokenLifetime", DefaultRefreshToken);
        if (access <= TimeSpan.Zero || access > MaxAccessToken)
        {
            throw new InvalidOperationException($"{SectionName}:AccessTokenLifetime must lie between 0 and {MaxAccessToken} (now {access}).");
        }

        if (refresh < access)
        {
            throw new InvalidOperationException($"{SectionName}:RefreshTokenLifetime must be at least the access token's lifetime (now {refresh}).");
        }

        return new TokenLifetimes(access, refresh);
    }
}
