using Grpc.Core;
using Llo.Finance.Domain;
using Llo.Finance.Domain.Budgets;
using V1 = Llo.Contracts.Finance.V1;

namespace Llo.Finance.Api.Applications;

/// <summary>Checks an application's fields and amounts, naming each refused field as the JSON caller wrote it.</summary>
public static class ApplicationValidator
{
    /// <summary>
    /// The fields, and against the latest <paramref name="budget"/>: every requested year lies within it and the income
    /// line, when named, is one of its lines (a later version may drop it; the report then shows it as "Niet begroot").
    /// </summary>
    public static (V1.FundingApplicationFields Fields, AmountsPerYear Requested) Validate(
        V1.FundingApplicationFields? fields, BudgetVersion budget, FieldViolations violations)
    {
        if (fields is null)
        {
            violations.Add("application", "De aanvraag ontbreekt.").ThrowIfAny();
        }

        var valid = new V1.FundingApplicationFields
        {
            Title = TextField.Check(fields!.Title, "application.title", "De titel", 200, required: true, violations),
            LeadApplicant = TextField.Check(fields.LeadApplicant, "application.leadApplicant", "De penvoerder", 200, required: false, violations),
            Notes = TextField.Check(fields.Notes, "application.notes", "De notities", 4000, required: false, violations),
            IncomeLineId = TextField.Check(fields.IncomeLineId, "application.incomeLineId", "De inkomstenregel", 100, required: false, violations),
            ProbabilityPercent = fields.ProbabilityPercent,
        };
        if (fields.Funders.Count == 0)
        {
            violations.Add("application.funders", "Noem minstens één financier.");
        }

        for (var i = 0; i < fields.Funders.Count; i++)
        {
            valid.Funders.Add(TextField.Check(fields.Funders[i], $"application.funders[{i}]", "De financier", 100, required: true, violations));
        }

        if (fields.ProbabilityPercent is < 0 or > 100)
        {
            violations.Add("application.probabilityPercent", "De kans op toekenning is een heel percentage van 0 tot en met 100.");
        }

        if (fields.Requested.Count == 0)
        {
            violations.Add("application.requested", "Geef het gevraagde bedrag voor minstens één jaar.");
        }

        var requested = Amounts(fields.Requested, "application.requested", violations);
        for (var i = 0; i < fields.Requested.Count; i++)
        {
            if (fields.Requested[i].Year is >= 2000 and <= 2100 && !budget.Covers(fields.Requested[i].Year))
            {
                violations.Add($"application.requested[{i}].year",
                    $"Het jaar {fields.Requested[i].Year} valt buiten de begroting {budget.Label}: kies een jaar van {budget.FirstYear} tot en met {budget.LastYear}.");
            }
        }

        if (valid.IncomeLineId.Length > 0 && !budget.IncomeLines.Any(l => l.Id == valid.IncomeLineId))
        {
            violations.Add("application.incomeLineId", $"De inkomstenregel '{valid.IncomeLineId}' bestaat niet in begroting {budget.Label}.");
        }

        valid.Requested.Add(fields.Requested);
        violations.ThrowIfAny();
        return (valid, requested);
    }

    /// <summary>Amounts per year: each year once, between 2000 and 2100, with an amount of 0 or more.</summary>
    public static AmountsPerYear Amounts(IList<V1.YearAmount> amounts, string field, FieldViolations violations)
    {
        var byYear = new Dictionary<int, decimal>();
        for (var i = 0; i < amounts.Count; i++)
        {
            var entry = amounts[i];
            if (entry.Year is < 2000 or > 2100)
            {
                violations.Add($"{field}[{i}].year", $"Het jaar {entry.Year} is geen geldig begrotingsjaar (2000 tot en met 2100).");
            }
            else if (!byYear.TryAdd(entry.Year, (entry.Amount?.Cents ?? -1) / 100m))
            {
                violations.Add($"{field}[{i}].year", $"Het jaar {entry.Year} staat er meer dan eens in.");
            }

            if (entry.Amount is null || entry.Amount.Cents < 0)
            {
                violations.Add($"{field}[{i}].amount", "Het bedrag ontbreekt of is negatief; geef 0 of meer, in centen.");
            }
        }

        return new AmountsPerYear(byYear);
    }

    /// <summary>A refusal of the finance rules as the one error shape: a forbidden step 400 FailedPrecondition, else field violations.</summary>
    public static RpcException ToRpc(FinanceRuleViolation refusal, string prefix)
    {
        if (refusal.IsStateConflict)
        {
            return new RpcException(new Status(StatusCode.FailedPrecondition, refusal.Message));
        }

        var violations = new FieldViolations();
        foreach (var violation in refusal.Violations)
        {
            violations.Add(prefix + violation.Field, violation.Message);
        }

        // FieldViolations makes the one 400 shape only by throwing it.
        try
        {
            violations.ThrowIfAny();
        }
        catch (RpcException bad)
        {
            return bad;
        }

        return new RpcException(new Status(StatusCode.InvalidArgument, refusal.Message));
    }
}
