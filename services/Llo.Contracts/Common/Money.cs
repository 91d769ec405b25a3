namespace Llo.Contracts.Common.V1;

/// <summary>Between the wire's whole euro cents and C#'s decimal euros (never a double).</summary>
public sealed partial class Money
{
    public decimal Euros => Cents / 100m;

    /// <summary>The amount in cents; an amount with a fraction of a cent is a caller's mistake, not something to round away.</summary>
    public static Money FromEuros(decimal euros)
    {
        var cents = euros * 100m;
        if (cents != decimal.Truncate(cents))
        {
            throw new ArgumentException($"{euros} euro is not a whole number of cents.", nameof(euros));
        }

        return new Money { Cents = (long)cents };
    }
}
