namespace Llo.Finance.Domain.Planning;

/// <summary>How far the money reaches for an expense line.</summary>
public enum Coverage
{
    /// <summary>Paid in full from secured income (granted and paid).</summary>
    Secured = 1,

    /// <summary>Paid in full only when the expected (probability-weighted) income comes in too.</summary>
    Expected = 2,

    /// <summary>Not paid in full even with the expected income.</summary>
    NotCovered = 3,
}
