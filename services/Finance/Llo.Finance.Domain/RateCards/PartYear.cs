namespace Llo.Finance.Domain.RateCards;

/// <summary>
/// The part of a calendar year a role is staffed, as a fraction from 0 to 1. Either given directly (the plan's 2024
/// project leaders: half a year) or from start and end dates, counting calendar days inclusive over the days of that
/// year (1 January–30 June 2024 is 182/366). The fraction scales the yearly cost as it is, so weeks of holiday are
/// in the role's weeks per year, not here.
/// </summary>
public readonly record struct PartYear
{
    private PartYear(decimal fraction) => Fraction = fraction;

    public decimal Fraction { get; }

    public static PartYear Whole => new(1m);

    public static PartYear Of(decimal fraction) =>
        fraction is >= 0m and <= 1m
            ? new PartYear(fraction)
            : throw new FinanceRuleViolation("fraction", $"Het deel van het jaar moet tussen 0 en 1 liggen, niet {fraction}.");

    public static PartYear Between(int year, DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new FinanceRuleViolation("end", $"De einddatum {end:dd-MM-yyyy} ligt voor de begindatum {start:dd-MM-yyyy}.");
        }

        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var from = start > first ? start : first;
        var to = end < last ? end : last;
        if (to < from)
        {
            return new PartYear(0m);
        }

        var days = to.DayNumber - from.DayNumber + 1;
        return new PartYear((decimal)days / (last.DayNumber - first.DayNumber + 1));
    }
}
