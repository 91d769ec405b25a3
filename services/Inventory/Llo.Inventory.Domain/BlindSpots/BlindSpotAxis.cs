using Llo.Inventory.Domain.Projects;

namespace Llo.Inventory.Domain.BlindSpots;

/// <summary>
/// The reference values of each dimension, from the region's reference data: the sectors the plan calls promising
/// (<see cref="Region.KnownSectors"/>: Food, Onderwijs, Kinderopvang, Energietransitie, Techniek ...), the plan's campuses
/// and the three municipalities. Values only found in projects or questions are added to the axis by the matrix.
/// </summary>
public static class BlindSpotAxis
{
    public static IReadOnlyList<string> ReferenceValues(BlindSpotDimension dimension) => dimension switch
    {
        BlindSpotDimension.Sector => Region.KnownSectors,
        BlindSpotDimension.Campus => Region.Campuses,
        BlindSpotDimension.Municipality => Region.Municipalities,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    /// <summary>Parses the query value ("sector", "campus", "municipality"; empty means sector).</summary>
    public static BlindSpotDimension? Parse(string? text) => (text ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "sector" => BlindSpotDimension.Sector,
        "campus" => BlindSpotDimension.Campus,
        "municipality" => BlindSpotDimension.Municipality,
        _ => null,
    };

    public static string Name(BlindSpotDimension dimension) => dimension.ToString().ToLowerInvariant();
}
