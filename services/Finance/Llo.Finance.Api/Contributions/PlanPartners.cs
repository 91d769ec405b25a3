namespace Llo.Finance.Api.Contributions;

/// <summary>
/// The organisation ids of the partners the plan names, for the demo seed. Schiedam is the identity service's demo
/// organisation 1 ("Gemeente Demo-Schiedam") and the companies are represented by demo organisation 2 ("Demo-Werkgever
/// Maassluis BV"), so the demo's partner editors see and confirm a contribution; the plan names no single company or
/// school, and Vlaardingen, Maassluis and the education partners have fixed ids of their own until identity knows them.
/// </summary>
public static class PlanPartners
{
    public static readonly IReadOnlyDictionary<string, Guid> Organisations = new Dictionary<string, Guid>(StringComparer.Ordinal)
    {
        ["Gemeente Schiedam"] = Guid.Parse("11111111-1111-4111-8111-111111111111"),
        ["Bedrijven"] = Guid.Parse("22222222-2222-4222-8222-222222222222"),
        ["Gemeente Vlaardingen"] = Guid.Parse("0f1a2b3c-0000-4000-8000-000000000a01"),
        ["Gemeente Maassluis"] = Guid.Parse("0f1a2b3c-0000-4000-8000-000000000a02"),
        ["Onderwijspartijen"] = Guid.Parse("0f1a2b3c-0000-4000-8000-000000000a03"),
    };

    /// <summary>The partner's organisation id; a partner the seed file names but this list does not is a build mistake.</summary>
    public static Guid Of(string partner) =>
        Organisations.TryGetValue(partner, out var id) ? id : throw new InvalidOperationException($"The seed partner '{partner}' has no organisation id in PlanPartners.");
}
