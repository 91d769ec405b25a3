using Llo.Finance.Domain.Budgets;
using V1 = Llo.Contracts.Finance.V1;

namespace Llo.Finance.Api.RateCards;

/// <summary>
/// Checks a role's fields against the budget and the other roles of the year, naming each refused field as the JSON
/// caller wrote it ("role.assignments[1].expenseLineId"). Hours, weeks and parts of a year arrive as doubles and are
/// taken as decimals only when they have at most the decimals the column keeps, so nothing is rounded away silently.
/// </summary>
public static class RateCardRoleValidator
{
    public static readonly ListBound Assignments = ListBound.Of(V1.RateCardRoleFields.Descriptor, "assignments", 50, "personeelsregels");

    public sealed record ValidRole(string Name, long HourlyRateCents, decimal HoursPerWeek, decimal WeeksPerYear, IReadOnlyList<StaffingShare> Shares);

    public static ValidRole Validate(V1.RateCardRoleFields fields, BudgetVersion budget, IReadOnlyDictionary<string, string> lineOwners, string roleId, FieldViolations violations)
    {
        var name = TextField.Check(fields.Name, "role.name", "De naam van de rol", 200, required: true, violations);
        if (fields.HourlyRate is null || fields.HourlyRate.Cents < 0)
        {
            violations.Add("role.hourlyRate", "Het uurtarief ontbreekt of is negatief; geef 0 of meer, in centen (excl. btw).");
        }

        var hours = Number(fields.HoursPerWeek, 0m, 60m, 2, "role.hoursPerWeek", "Het aantal uren per week", violations);
        var weeks = Number(fields.WeeksPerYear, 0m, 53m, 2, "role.weeksPerYear", "Het aantal weken per jaar", violations);
        var shares = new List<StaffingShare>();
        if (Assignments.Check(fields.Assignments.Count, "role.assignments", violations))
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < fields.Assignments.Count; i++)
            {
                var assignment = fields.Assignments[i];
                var field = $"role.assignments[{i}]";
                var lineId = assignment.ExpenseLineId;
                if (string.IsNullOrWhiteSpace(lineId) || !budget.ExpenseLines.Any(l => l.Id == lineId))
                {
                    violations.Add($"{field}.expenseLineId", $"De uitgavenregel \"{Echo.Of(lineId)}\" bestaat niet in begroting {budget.Label}.");
                }
                else if (!seen.Add(lineId))
                {
                    violations.Add($"{field}.expenseLineId", $"De uitgavenregel '{lineId}' staat er meer dan eens in.");
                }
                else if (lineOwners.TryGetValue(lineId, out var owner) && owner != roleId)
                {
                    violations.Add($"{field}.expenseLineId", $"De uitgavenregel '{lineId}' hoort dit jaar al bij de rol '{owner}'.");
                }

                var part = Number(assignment.PartOfYear, 0m, 1m, 4, $"{field}.partOfYear", "Het deel van het jaar", violations);
                shares.Add(new StaffingShare(lineId, part));
            }
        }

        return new ValidRole(name, fields.HourlyRate?.Cents ?? 0, hours, weeks, shares);
    }

    private static decimal Number(double value, decimal min, decimal max, int decimals, string field, string label, FieldViolations violations)
    {
        var range = $"{label} ligt tussen {min} en {max}, met hoogstens {decimals} decimalen.";
        if (!double.IsFinite(value) || value < (double)min || value > (double)max)
        {
            violations.Add(field, range);
            return 0m;
        }

        var exact = (decimal)value;
        if (decimal.Round(exact, decimals) != exact)
        {
            violations.Add(field, range);
        }

        return exact;
    }
}
