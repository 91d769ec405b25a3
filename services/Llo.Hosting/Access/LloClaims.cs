namespace Llo.Hosting.Access;

/// <summary>The claim names of a Llo access token (the identity contract), read unmapped.</summary>
public static class LloClaims
{
    public const string Subject = "sub";
    public const string Organisation = "org";
    public const string Role = "role";
    public const string Scope = "scope";
    public const string ClientId = "client_id";
}
