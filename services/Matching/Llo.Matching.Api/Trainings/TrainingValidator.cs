using System.Globalization;
using Llo.Contracts.Matching.V1;
using Llo.Matching.Api.Validation;
using Llo.Matching.Domain.Taxonomy;

namespace Llo.Matching.Api.Trainings;

/// <summary>Checks a training offer, naming each refused field by its JSON path under "training".</summary>
public static class TrainingValidator
{
    public const int MaxDurationHours = 5000;

    public static TrainingFields Validate(TrainingFields? fields, SkillTaxonomy taxonomy, FieldViolations violations)
    {
        if (fields is null)
        {
            violations.Add("training", "De opleiding ontbreekt.").ThrowIfAny();
        }

        var valid = new TrainingFields
        {
            Provider = TextField.Check(fields!.Provider, "training.provider", "De aanbieder", 200, required: true, violations),
            Title = TextField.Check(fields.Title, "training.title", "De titel", 200, required: true, violations),
            Level = TextField.Check(fields.Level, "training.level", "Het niveau", 50, required: false, violations),
            Place = TextField.Check(fields.Place, "training.place", "De plaats", 100, required: false, violations),
            DurationHours = fields.DurationHours,
            CostCents = fields.CostCents,
        };
        if (fields.SkillUris.Count == 0)
        {
            violations.Add("training.skillUris", "Noem minstens één vaardigheid (ESCO-URI) die de opleiding leert.");
        }

        valid.SkillUris.AddRange(TwinFields.Skills(taxonomy, fields.SkillUris, MatchingLists.TrainingSkills, "training.skillUris", violations));
        if (fields.DurationHours is < 0 or > MaxDurationHours)
        {
            violations.Add("training.durationHours", $"De duur is 1 tot en met {MaxDurationHours} uur, of 0 als die niet bekend is (nu {fields.DurationHours.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (fields.CostCents < 0)
        {
            violations.Add("training.costCents", "De kosten zijn 0 of meer, in centen.");
        }

        violations.ThrowIfAny();
        return valid;
    }
}
