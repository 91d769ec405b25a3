namespace Llo.Testing;

/// <summary>
/// What a test access token says, in the claims of the identity contract. <see cref="TestIssuer"/> signs it; change one
/// property with <c>with</c> to make a bad token (expired, another audience, another issuer, another type).
/// </summary>
public sealed record TestToken
{
    public string Subject { get; init; } = Guid.NewGuid().ToString();

    public string? ClientId { get; init; }

    public Guid? Organisation { get; init; }

    public IReadOnlyList<string> Roles { get; init; } = [];

    public IReadOnlyList<string> Scopes { get; init; } = [];

    public IReadOnlyList<string> Audiences { get; init; } = [];

    public DateTimeOffset ExpiresAt { get; init; } = DateTimeOffset.UtcNow.AddMinutes(15);

    /// <summary>Null: the issuer's own name.</summary>
    public string? Issuer { get; init; }

    public string Type { get; init; } = "at+jwt";

    /// <summary>A user of <paramref name="organisation"/> with <paramref name="roles"/>, from the web client, for <c>llo-&lt;service&gt;</c>.</summary>
    public static TestToken User(string service, Guid organisation, params string[] roles) => new()
    {
        ClientId = "llo-web",
        Organisation = organisation,
        Roles = roles,
        Scopes = ["openid", "profile", $"{service}.read", $"{service}.write"],
        Audiences = [$"llo-{service}"],
    };

    /// <summary>A partner system (client credentials) of <paramref name="organisation"/> with <paramref name="scopes"/>.</summary>
    public static TestToken Client(string service, string clientId, Guid organisation, params string[] scopes) => new()
    {
        Subject = clientId,
        ClientId = clientId,
        Organisation = organisation,
        Scopes = scopes,
        Audiences = [$"llo-{service}"],
    };
}
