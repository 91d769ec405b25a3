using System.Globalization;

namespace Llo.Inventory.Domain.Projects;

/// <summary>Budget estimates: euros excl. VAT as a decimal string with a dot ("100000.00"), never negative, cents at most.</summary>
public static class Budget
{
    public const decimal Maximum = 1_000_000_000m;

    /// <summary>The amount, or a Dutch explanation why <paramref name="text"/> is not one.</summary>
    public static (decimal? Amount, string? Error) Parse(string text)
    {
        if (!decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
        {
            return (null, "Geen geldig bedrag: gebruik cijfers met een punt als decimaalteken, bv. \"100000.00\".");
        }

        if (amount < 0)
        {
            return (null, "Het bedrag mag niet negatief zijn.");
        }

        if (amount != Math.Round(amount, 2))
        {
            return (null, "Het bedrag heeft hoogstens twee decimalen (centen).");
        }

        if (amount > Maximum)
        {
            return (null, "Het bedrag is groter dan een miljard euro; controleer de invoer.");
        }

        return (amount, null);
    }

    public static string Format(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
