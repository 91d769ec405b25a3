using System.Globalization;
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

        var results = Text(assessment.Results, $"{prefix}.results", "De resultaten van de pilot", 4000, violations);
        var conditions = Text(assessment.Conditions, $"{prefix}.conditions", "De randvoorwaarden", 4000, violations);
        var proposedBy = Text(assessment.ProposedBy, $"{prefix}.proposedBy", "De voorstellende organisatie", 200, violations);

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

        var municipalities = new List<string>();
        if (assessment.Municipalities.Count == 0)
        {
            violations.Add($"{prefix}.municipalities", $"Noem de gemeenten van de uitrol ({string.Join(", ", Region.Municipalities)}).");
        }

        for (var i = 0; i < assessment.Municipalities.Count; i++)
        {
            var name = Region.Municipality(assessment.Municipalities[i]);
            if (name is null)
            {
                violations.Add($"{prefix}.municipalities[{i}]",
                    $"Onbekende gemeente \"{assessment.Municipalities[i]}\"; kies uit {string.Join(", ", Region.Municipalities)}.");
            }
            else if (!municipalities.Contains(name))
            {
                municipalities.Add(name);
            }
        }

        return violations.IsEmpty ? new Assessment(results, costs, conditions, municipalities, proposedBy) : null;
    }

    public static (ScalingDecision Decision, DateOnly DecidedOn, string? Reason)? ValidateDecision(
        V1.DecideScalingRequest request, DateOnly today, FieldViolations violations)
    {
        ScalingDecision? decision = null;
        if (request.Decision == V1.ScalingDecision.Unspecified)
        {
            violations.Add("decision", "Kies een besluit: goedgekeurd (APPROVED), afgewezen (DECLINED) of aangehouden (DEFERRED).");
        }
        else if (Enum.IsDefined((ScalingDecision)(int)request.Decision))
        {
            decision = (ScalingDecision)(int)request.Decision;
        }
        else
        {
            violations.Add("decision", "Onbekend besluit.");
        }

        DateOnly? decidedOn = null;
        if (string.IsNullOrWhiteSpace(request.DecidedOn))
        {
            violations.Add("decidedOn", "De datum van het besluit is verplicht (JJJJ-MM-DD).");
        }
        else if (!DateOnly.TryParseExact(request.DecidedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            violations.Add("decidedOn", $"Geen geldige datum \"{request.DecidedOn}\" (verwacht JJJJ-MM-DD).");
        }
        else if (date > today)
        {
            violations.Add("decidedOn", "De datum van het besluit ligt niet in de toekomst.");
        }
        else
        {
            decidedOn = date;
        }

        var reason = request.Reason.Trim();
        if (decision is { } d && ScalingRules.RequiresReason(d) && reason.Length == 0)
        {
            violations.Add("reason", $"Een reden is verplicht bij het besluit '{ScalingRules.Dutch(d)}'.");
        }
        else if (reason.Length > 4000)
        {
            violations.Add("reason", "De reden is te lang (hoogstens 4000 tekens).");
        }

        return violations.IsEmpty ? (decision!.Value, decidedOn!.Value, reason.Length == 0 ? null : reason) : null;
    }

    private static string Text(string value, string field, string label, int max, FieldViolations violations)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0) violations.Add(field, $"{label} is verplicht.");
        else if (trimmed.Length > max) violations.Add(field, $"{label} is te lang (hoogstens {max} tekens).");
        return trimmed;
    }
}
