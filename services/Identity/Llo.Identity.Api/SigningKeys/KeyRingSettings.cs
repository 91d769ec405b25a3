namespace Llo.Identity.Api.SigningKeys;

/// <summary>When keys rotate (section <c>Identity:Keys</c>).</summary>
public sealed class KeyRingSettings
{
    /// <summary>A key older than this is replaced by a new one (the old one keeps validating what it signed).</summary>
    public TimeSpan RotateAfter { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often a running service looks whether a key is due, and picks up keys another instance made.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a replaced key stays published and accepted: the longest token lifetime (refresh tokens, 14 days),
    /// so every token it signed or encrypted has expired before it goes.
    /// </summary>
    public TimeSpan KeepRetiredFor { get; set; } = TimeSpan.FromDays(14);
}
