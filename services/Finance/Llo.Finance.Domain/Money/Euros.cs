using System.Globalization;

namespace Llo.Finance.Domain.Money;

/// <summary>
/// The cents rule of the finance domain. Amounts are decimal euros; a computed amount (a rate times hours times a part
/// of a year, a probability-weighted forecast, VAT) is rounded to whole cents once, half away from zero (the usual
/// Dutch commercial rounding: 0,005 becomes 0,01). Amounts that arrive from outside must already be whole cents:
/// that is the wire's rule too (<c>llo.common.v1.Money.FromEuros</c> refuses a fraction of a cent rather than
/// rounding it away), and <see cref="ToCents"/> applies the same rule here so the domain needs no gRPC types.
/// </summary>
public static class Euros
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static decimal Round(decimal euros) => Math.Round(euros, 2, MidpointRounding.AwayFromZero);

    public static bool IsWholeCents(decimal euros) => euros == decimal.Round(euros, 2);

    /// <summary>Whole cents for the wire; a fraction of a cent is a mistake upstream, not something to round away.</summary>
    public static long ToCents(decimal euros)
    {
        if (!IsWholeCents(euros))
        {
            throw new ArgumentException($"{euros} euro is not a whole number of cents.", nameof(euros));
        }

        return decimal.ToInt64(euros * 100m);
    }

    public static decimal FromCents(long cents) => cents / 100m;

    /// <summary>As a Dutch reader expects it: "€ 264.000,00", "-€ 1.000,50".</summary>
    public static string Format(decimal euros) =>
        (euros < 0 ? "-€ " : "€ ") + Math.Abs(euros).ToString("N2", Dutch);
}
