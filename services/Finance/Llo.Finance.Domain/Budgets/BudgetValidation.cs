using Llo.Finance.Domain.Money;

namespace Llo.Finance.Domain.Budgets;

/// <summary>
/// What a budget version must satisfy: a sensible year range, lines with an id, a description and unique ids, amounts
/// that are not negative, in whole cents and inside the range, and priorities from 1. Every violation is named, so an
/// import can refuse each bad line with its reason.
/// </summary>
public static class BudgetValidation
{
    public const int MaximumYears = 20;

    public static IReadOnlyList<FieldViolation> Check(BudgetVersion version)
    {
        var violations = new List<FieldViolation>();
        if (version.Number < 1)
        {
            violations.Add(new("number", "Het versienummer moet 1 of hoger zijn."));
        }

        if (string.IsNullOrWhiteSpace(version.Label))
        {
            violations.Add(new("label", "Geef de versie een naam, bv. \"v.13-01-2022\"."));
        }

        if (version.LastYear < version.FirstYear || version.LastYear - version.FirstYear >= MaximumYears)
        {
            violations.Add(new("lastYear", $"Het laatste jaar moet tussen {version.FirstYear} en {version.FirstYear + MaximumYears - 1} liggen."));
            return violations;
        }

        var ids = new HashSet<string>();
        for (var i = 0; i < version.IncomeLines.Count; i++)
        {
            var line = version.IncomeLines[i];
            var field = $"incomeLines[{i}]";
            CheckLine(field, line.Id, line.Description, line.Amounts, version, ids, violations);
            if (string.IsNullOrWhiteSpace(line.Funder))
            {
                violations.Add(new($"{field}.funder", $"Inkomstenregel '{line.Description}': vul de herkomst (financier) in."));
            }

            if (!Enum.IsDefined(line.Source))
            {
                violations.Add(new($"{field}.source", $"Inkomstenregel '{line.Description}': onbekende bron."));
            }
        }

        for (var i = 0; i < version.ExpenseLines.Count; i++)
        {
            var line = version.ExpenseLines[i];
            var field = $"expenseLines[{i}]";
            CheckLine(field, line.Id, line.Description, line.Amounts, version, ids, violations);
            if (line.Priority < 1)
            {
                violations.Add(new($"{field}.priority", $"Uitgavenregel '{line.Description}': de prioriteit is 1 (hoogst) of hoger."));
            }
        }

        return violations;
    }

    private static void CheckLine(
        string field,
        string id,
        string description,
        AmountsPerYear amounts,
        BudgetVersion version,
        HashSet<string> ids,
        List<FieldViolation> violations)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            violations.Add(new($"{field}.id", $"Regel '{description}': de regel heeft geen id."));
        }
        else if (!ids.Add(id))
        {
            violations.Add(new($"{field}.id", $"Regel '{description}': het id '{id}' komt al eerder voor."));
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            violations.Add(new($"{field}.description", $"Regel '{id}': de omschrijving ontbreekt."));
        }

        foreach (var (year, amount) in amounts.Entries)
        {
            var amountField = $"{field}.amounts[{year}]";
            if (!version.Covers(year))
            {
                violations.Add(new(amountField, $"Regel '{description}': {year} valt buiten de begroting ({version.FirstYear}–{version.LastYear})."));
            }

            if (amount < 0)
            {
                violations.Add(new(amountField, $"Regel '{description}': het bedrag voor {year} mag niet negatief zijn."));
            }
            else if (!Euros.IsWholeCents(amount))
            {
                violations.Add(new(amountField, $"Regel '{description}': het bedrag voor {year} heeft meer dan twee decimalen (centen)."));
            }
        }
    }
}
