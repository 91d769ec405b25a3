using Llo.Inventory.Api.Validation;
using Llo.Inventory.Domain.Projects;
using Contract = Llo.Contracts.Inventory.V1;

namespace Llo.Inventory.Api.Overlaps;

/// <summary>
/// A draft to check for overlaps needs less than a project to register: a title or a summary is enough, and the
/// status may be left open (someone exploring an idea does not know it yet; it plays no part in the score). Every
/// field that is given is checked as for a project.
/// </summary>
public static class OverlapDraftValidator
{
    public static ProjectData? Validate(Contract.ProjectFields? draft, string prefix, FieldViolations violations)
    {
        if (draft is null)
        {
            violations.Add(prefix, "Het concept ontbreekt: geef minstens een titel of een samenvatting.");
            return null;
        }

        var before = violations.Count;
        var fields = draft.Clone();
        var untitled = fields.Title.Trim().Length == 0;
        if (untitled)
        {
            if (fields.Summary.Trim().Length == 0)
            {
                // Reported with whatever else is wrong: the other fields are still checked below.
                violations.Add($"{prefix}.title", "Geef een titel of een samenvatting om overlap te zoeken.");
            }

            // The project rules require a title; stand in a harmless one and drop it after validation.
            fields.Title = "concept";
        }

        if (fields.Status == Contract.ProjectStatus.Unspecified)
        {
            fields.Status = Contract.ProjectStatus.Idea;
        }

        var data = ProjectFieldsValidator.Validate(fields, prefix, violations);
        if (data is null || violations.Count > before)
        {
            return null;
        }

        return untitled ? data with { Title = "" } : data;
    }
}
