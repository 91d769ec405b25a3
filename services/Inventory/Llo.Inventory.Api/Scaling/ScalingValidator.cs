using Llo.Inventory.Api.Validation;
using Llo.Inventory.Domain.Projects;
using Llo.Inventory.Domain.Scaling;
using V1 = Llo.Contracts.Inventory.V1;

namespace Llo.Inventory.Api.Scaling;

public static class ScalingValidator
{
    public static Assessment? Validate(V1.TransferabilityAssessment? assessment, FieldViolations violations)
    {
        const string prefix = "assessment";
        if (assessment is null)
        {
            violations.Add(prefix, "De beoordeling van de overdraagbaarheid ontbreekt.");
            return null;
        }

        var results = TextField.Check(assessment.Results, $"{prefix}.results", "De resultaten van de pilot", 4000, required: true, violations);
        var conditions = TextField.Check(assessment.Conditions, $"{prefix}.conditions", "De randvoorwaarden", 4000, required: true, violations);
        var proposedBy = TextField.Check(assessment.ProposedBy, $"{prefix}.proposedBy", "De voorstellende organisatie", 200, required: true, violations);

        decimal costs = 0;
        if (string.IsNullOrWhiteSpace(assessment.Costs))
        {
            violations.Add($"{prefix}.costs", "De kosten zijn verplicht (euro's excl. btw, bv. \"25000.00\").");
        }
        else
        {
            var (amount, error) = Budget.Parse(assessment.Costs);
            if (error is not null) violations.Add($"{prefix}.costs", error);
            costs = amount ?? 0;
        }

        if (assessment.Municipalities.Count == 0)
        {
            violations.Add($"{prefix}.municipalities", $"Noem de gemeenten van de uitrol ({string.Join(", ", Region.Municipalities)}).");
        }

        var municipalities = RegionFields.Municipalities(assessment.Municipalities, InventoryLists.ScalingMunicipalities, $"{prefix}.municipalities", violations);

        return violations.IsEmpty ? new Assessment(results, costs, conditions, municipalities, proposedBy) : null;
    }

    public static (ScalingDecision Decision, DateOnly DecidedOn, string? Reason)? ValidateDecision(
        V1.DecideScalingRequest request, DateOnly today, FieldViolations violations)
    {
        var decision = InventoryEnums.ScalingDecisions.Required(
            request.Decision, "decision", "besluit (goedgekeurd, afgewezen of aangehouden)", violations);

        var decidedOn = IsoDate.Optional(request.DecidedOn, "decidedOn", violations);
        if (string.IsNullOrWhiteSpace(request.DecidedOn))
        {
            violations.Add("decidedOn", "De datum van het besluit is verplicht (JJJJ-MM-DD).");
        }
        else if (decidedOn > today)
        {
            violations.Add("decidedOn", "De datum van het besluit mag niet in de toekomst liggen.");
        }

        var reason = TextField.Check(request.Reason, "reason", "De reden", 4000, required: false, violations);
        if (decision is { } d && ScalingRules.RequiresReason(d) && reason.Length == 0)
        {
            violations.Add("reason", $"Een reden is verplicht bij het besluit '{ScalingRules.Dutch(d)}'.");
        }

        return violations.IsEmpty ? (decision!.Value, decidedOn!.Value, reason.Length == 0 ? null : reason) : null;
    }
}
