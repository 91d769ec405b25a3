using Llo.Finance.Api.Applications;
using Llo.Finance.Domain;
using Llo.Finance.Domain.Budgets;
using Llo.Finance.Domain.Contributions;
using V1 = Llo.Contracts.Finance.V1;

namespace Llo.Finance.Api.Contributions;

/// <summary>A contribution's fields checked, in cents; the domain then checks paid ≤ invoiced ≤ committed.</summary>
public sealed record ValidContribution(
    Guid OrganisationId,
    string Partner,
    PartnerCategory Category,
    int Year,
    long CommittedCents,
    long InvoicedCents,
    long PaidCents,
    bool? ExistingBudget,
    bool VatRecoverable,
    int ProbabilityPercent,
    string? IncomeLineId,
    string? Notes);

/// <summary>Checks a contribution's fields against the budget, naming each refused field as the JSON caller wrote it.</summary>
public static class ContributionValidator
{
    private static readonly Resource Organisation = new("Organisatie", "de", "organisatie-id");

    public static ValidContribution Validate(V1.ContributionFields? fields, BudgetVersion budget, FieldViolations violations)
    {
        if (fields is null)
        {
            violations.Add("contribution", "De bijdrage ontbreekt.").ThrowIfAny();
        }

        var organisation = Organisation.ParseId(fields!.OrganisationId, "contribution.organisationId", violations);
        var partner = TextField.Check(fields.Partner, "contribution.partner", "De naam van de partner", 200, required: true, violations);
        var category = ContributionContract.Categories.Required(fields.Category, "contribution.category", "categorie", violations);
        if (!budget.Covers(fields.Year))
        {
            violations.Add("contribution.year",
                $"Het jaar {fields.Year} valt buiten de begroting {budget.Label}: kies een jaar van {budget.FirstYear} tot en met {budget.LastYear}.");
        }

        var committed = Cents(fields.Committed, "contribution.committed", "toegezegde bedrag", required: true, violations);
        var invoiced = Cents(fields.Invoiced, "contribution.invoiced", "gefactureerde bedrag", required: false, violations);
        var paid = Cents(fields.Paid, "contribution.paid", "betaalde bedrag", required: false, violations);
        if (fields.ProbabilityPercent is < 0 or > 100)
        {
            violations.Add("contribution.probabilityPercent", "De kans dat de bijdrage binnenkomt is een heel percentage van 0 tot en met 100.");
        }

        bool? existing = fields.ExistingBudget switch
        {
            V1.ExistingBudget.Yes => true,
            V1.ExistingBudget.No => false,
            V1.ExistingBudget.Unspecified => null,
            _ => Refuse(violations),
        };
        var incomeLine = TextField.Check(fields.IncomeLineId, "contribution.incomeLineId", "De inkomstenregel", 100, required: false, violations);
        if (incomeLine.Length > 0 && !budget.IncomeLines.Any(l => l.Id == incomeLine))
        {
            violations.Add("contribution.incomeLineId", $"De inkomstenregel '{incomeLine}' bestaat niet in begroting {budget.Label}.");
        }

        var notes = TextField.Check(fields.Notes, "contribution.notes", "De notities", 4000, required: false, violations);
        violations.ThrowIfAny();

        var valid = new ValidContribution(organisation!.Value, partner, category!.Value, fields.Year, committed, invoiced, paid, existing,
            fields.VatRecoverable, fields.ProbabilityPercent, incomeLine.Length == 0 ? null : incomeLine, notes.Length == 0 ? null : notes);
        try
        {
            // The domain's own rules (paid ≤ invoiced ≤ committed), named as the caller wrote them.
            _ = new PartnerContribution("check", partner, valid.Category, valid.Year, committed / 100m, invoiced / 100m, paid / 100m);
        }
        catch (FinanceRuleViolation refusal)
        {
            throw ApplicationValidator.ToRpc(refusal, "contribution.");
        }

        return valid;
    }

    private static bool? Refuse(FieldViolations violations)
    {
        violations.Add("contribution.existingBudget", "Kies EXISTING_BUDGET_YES, EXISTING_BUDGET_NO of laat het veld weg (onbekend).");
        return null;
    }

    private static long Cents(Llo.Contracts.Common.V1.Money? money, string field, string label, bool required, FieldViolations violations)
    {
        if (money is null)
        {
            if (required)
            {
                violations.Add(field, $"Het {label} ontbreekt; geef 0 of meer, in centen (excl. btw).");
            }

            return 0;
        }

        if (money.Cents < 0)
        {
            violations.Add(field, $"Het {label} is negatief; geef 0 of meer, in centen (excl. btw).");
        }

        return money.Cents;
    }
}
