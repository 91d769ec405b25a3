namespace Llo.Testing;

/// <summary>The two demo organisations of the identity contract, so test tokens act for the same ids as the demo users.</summary>
public static class TestOrganisations
{
    public static readonly Guid One = Guid.Parse("11111111-1111-4111-8111-111111111111");

    public static readonly Guid Two = Guid.Parse("22222222-2222-4222-8222-222222222222");
}
