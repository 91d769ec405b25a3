namespace Llo.Inventory.Domain.Projects;

/// <summary>
/// Reference data of the Waterweg region (jaarplan LLO 2022): the campuses and municipalities a project may name,
/// and the sectors the plan calls promising. Lookups ignore case and return the canonical spelling.
/// </summary>
public static class Region
{
    public static readonly IReadOnlyList<string> Campuses =
    [
        "FIA", "BIA", "MICS", "Technoplaza", "Zorg en Welzijn plaza", "ZIA", "Horeca & Food Plaza", "Leerwerkplaats Techniek",
    ];

    public static readonly IReadOnlyList<string> Municipalities = ["Schiedam", "Vlaardingen", "Maassluis"];

    /// <summary>
    /// Sectors named in the plan. Projects may name others (sectors are open), but a known sector is stored in this
    /// spelling so the blind-spot matrix does not split "techniek" and "Techniek".
    /// </summary>
    public static readonly IReadOnlyList<string> KnownSectors =
    [
        "Techniek", "Zorg en welzijn", "Food", "Horeca", "Onderwijs", "Kinderopvang", "Logistiek", "Haven en maritiem",
        "Bouw", "Energietransitie", "Detailhandel", "ICT",
    ];

    public static string? Campus(string name) => Find(Campuses, name);

    public static string? Municipality(string name) => Find(Municipalities, name);

    /// <summary>The canonical spelling of a known sector, or the trimmed input for a sector the plan does not name.</summary>
    public static string Sector(string name) => Find(KnownSectors, name) ?? name.Trim();

    private static string? Find(IReadOnlyList<string> names, string name)
    {
        var trimmed = name.Trim();
        return names.FirstOrDefault(n => string.Equals(n, trimmed, StringComparison.OrdinalIgnoreCase));
    }
}
