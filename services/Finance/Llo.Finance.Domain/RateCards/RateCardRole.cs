using Llo.Finance.Domain.Money;

namespace Llo.Finance.Domain.RateCards;

/// <summary>
/// A role hired at an hourly rate excluding VAT for a number of hours a week and weeks a year (the plan: programme
/// manager at €110, project leaders at €90, about 20 hours a week, about 45 weeks a year).
/// </summary>
public sealed record RateCardRole
{
    public RateCardRole(string id, string name, decimal hourlyRate, decimal hoursPerWeek, decimal weeksPerYear)
    {
        var violations = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(id))
        {
            violations.Add(new("id", "De rol heeft geen id."));
        }

        if (hourlyRate < 0 || !Euros.IsWholeCents(hourlyRate))
        {
            violations.Add(new("hourlyRate", $"Rol '{name}': het uurtarief is een bedrag van 0 of meer in hele centen."));
        }

        if (hoursPerWeek is < 0 or > 60)
        {
            violations.Add(new("hoursPerWeek", $"Rol '{name}': het aantal uren per week ligt tussen 0 en 60."));
        }

        if (weeksPerYear is < 0 or > 53)
        {
            violations.Add(new("weeksPerYear", $"Rol '{name}': het aantal weken per jaar ligt tussen 0 en 53."));
        }

        FinanceRuleViolation.ThrowIfAny(violations);
        Id = id;
        Name = name;
        HourlyRate = hourlyRate;
        HoursPerWeek = hoursPerWeek;
        WeeksPerYear = weeksPerYear;
    }

    public string Id { get; }

    public string Name { get; }

    public decimal HourlyRate { get; }

    public decimal HoursPerWeek { get; }

    public decimal WeeksPerYear { get; }

    /// <summary>Rate × hours × weeks × part of the year, rounded to cents once at the end.</summary>
    public decimal YearlyCost(PartYear part) => Euros.Round(HourlyRate * HoursPerWeek * WeeksPerYear * part.Fraction);

    public decimal YearlyCost() => YearlyCost(PartYear.Whole);
}
