namespace Llo.Identity.Api.Seed;

/// <summary>The demo organisations and the demo password of every demo user (README lists them).</summary>
public static class DemoAccounts
{
    public const string Password = "Demo-wachtwoord-1";

    public static readonly (Guid Id, string Name, string Domain, string Short)[] Organisations =
    [
        (Guid.Parse("11111111-1111-4111-8111-111111111111"), "Gemeente Demo-Schiedam", "demo1.llo.test", "Demo-Schiedam"),
        (Guid.Parse("22222222-2222-4222-8222-222222222222"), "Demo-Werkgever Maassluis BV", "demo2.llo.test", "Demo-Maassluis"),
    ];

    public static string Email(string role, int organisation) => $"{role}@{Organisations[organisation - 1].Domain}";
}
