namespace Llo.Inventory.Domain.BlindSpots;

/// <summary>The columns of the blind-spot matrix (its rows are always the focus lines).</summary>
public enum BlindSpotDimension
{
    Sector,
    Campus,
    Municipality,
}
