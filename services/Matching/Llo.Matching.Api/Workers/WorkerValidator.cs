using System.Globalization;
using Llo.Contracts.Matching.V1;
using Llo.Matching.Api.Validation;
using Llo.Matching.Domain.Taxonomy;

namespace Llo.Matching.Api.Workers;

/// <summary>
/// Checks a worker's twin against the loaded taxonomy and the platform's bounds and answers it in canonical form (levels,
/// evidence and loads filled in, labels left to the read side), reporting every problem by its JSON path under "worker".
/// </summary>
public static class WorkerValidator
{
    public const int MaxTravelMinutes = 240;

    public static WorkerFields Validate(WorkerFields? fields, SkillTaxonomy taxonomy, FieldViolations violations)
    {
        if (fields is null)
        {
            violations.Add("worker", "Het profiel van de werkende ontbreekt.").ThrowIfAny();
        }

        var valid = new WorkerFields
        {
            DisplayName = TextField.Check(fields!.DisplayName, "worker.displayName", "De roepnaam", 100, required: false, violations),
            CoachUserId = TwinFields.UserId(fields.CoachUserId, "worker.coachUserId", violations),
            UserId = TwinFields.UserId(fields.UserId, "worker.userId", violations),
            Phase = fields.Phase,
            Consent = fields.Consent?.Clone(),
        };
        MatchingEnums.Phases.Required(fields.Phase, "worker.phase", "fase", violations);

        if (MatchingLists.WorkerSkills.Check(fields.Skills.Count, "worker.skills", violations))
        {
            for (var i = 0; i < fields.Skills.Count; i++)
            {
                var skill = fields.Skills[i];
                var path = $"worker.skills[{i}]";
                if (TwinFields.Skill(taxonomy, skill.Uri, $"{path}.uri", violations) is not { } known)
                {
                    continue;
                }

                if (valid.Skills.Any(s => s.Uri == known.Uri))
                {
                    violations.Add($"{path}.uri", $"De vaardigheid {known.Uri} staat er meer dan eens in.");
                    continue;
                }

                if (skill.Level is < 0 or > 5)
                {
                    violations.Add($"{path}.level", $"Het niveau is 1 (beginner) tot en met 5 (expert) (nu {skill.Level.ToString(CultureInfo.InvariantCulture)}).");
                }

                MatchingEnums.Evidence.Optional(skill.Evidence, $"{path}.evidence", "onderbouwing", violations);
                valid.Skills.Add(new WorkerSkill
                {
                    Uri = known.Uri,
                    Level = skill.Level == 0 ? 3 : skill.Level,
                    Evidence = skill.Evidence == SkillEvidence.Unspecified ? SkillEvidence.Claimed : skill.Evidence,
                });
            }
        }

        if (MatchingLists.WorkerOccupations.Check(fields.OccupationUris.Count, "worker.occupationUris", violations))
        {
            for (var i = 0; i < fields.OccupationUris.Count; i++)
            {
                if (TwinFields.Occupation(taxonomy, fields.OccupationUris[i], $"worker.occupationUris[{i}]", violations, required: true) is { } occupation
                    && !valid.OccupationUris.Contains(occupation.Uri))
                {
                    valid.OccupationUris.Add(occupation.Uri);
                }
            }
        }

        if (fields.Skills.Count == 0)
        {
            violations.Add("worker.skills", "Het profiel is leeg: geef minstens één vaardigheid (ESCO-URI) om te kunnen matchen.");
        }

        if (MatchingLists.Talents.Check(fields.Talents.Count, "worker.talents", violations))
        {
            for (var i = 0; i < fields.Talents.Count; i++)
            {
                valid.Talents.Add(TextField.Check(fields.Talents[i], $"worker.talents[{i}]", "Het talent", 100, required: true, violations));
            }
        }

        valid.CareerCompetencies = Competencies(fields.CareerCompetencies ?? new CareerCompetencies(), violations);
        valid.Preferences = Preferences(fields.Preferences ?? new WorkerPreferences(), violations);
        valid.Capacity = Capacity(fields.Capacity, violations);
        violations.ThrowIfAny();
        return valid;
    }

    private static CareerCompetencies Competencies(CareerCompetencies c, FieldViolations violations)
    {
        foreach (var (value, name) in new[]
        {
            (c.CapacityReflection, "capacityReflection"), (c.MotiveReflection, "motiveReflection"), (c.WorkExploration, "workExploration"),
            (c.CareerControl, "careerControl"), (c.Networking, "networking"),
        })
        {
            if (value is < 0 or > 5)
            {
                violations.Add($"worker.careerCompetencies.{name}", $"Een loopbaancompetentie is 1 tot en met 5, of 0 als die nog niet is bekeken (nu {value.ToString(CultureInfo.InvariantCulture)}).");
            }
        }

        return c.Clone();
    }

    private static WorkerPreferences Preferences(WorkerPreferences p, FieldViolations violations)
    {
        var valid = new WorkerPreferences
        {
            MinHours = TwinFields.Hours(p.MinHours, "worker.preferences.minHours", "Het minimum aantal uren", violations, min: 0),
            MaxHours = TwinFields.Hours(p.MaxHours, "worker.preferences.maxHours", "Het maximum aantal uren", violations, min: 0),
            MaxTravelMinutes = p.MaxTravelMinutes,
            Municipality = TwinFields.Municipality(p.Municipality, "worker.preferences.municipality", violations, required: false) ?? "",
        };
        if (p.MaxHours > 0 && p.MinHours > p.MaxHours)
        {
            violations.Add("worker.preferences.minHours", "Het minimum aantal uren is hoger dan het maximum.");
        }

        if (p.MaxTravelMinutes is < 0 or > MaxTravelMinutes)
        {
            violations.Add("worker.preferences.maxTravelMinutes", $"De reistijd is 0 tot en met {MaxTravelMinutes} minuten (nu {p.MaxTravelMinutes.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (MatchingLists.PreferredSectors.Check(p.Sectors.Count, "worker.preferences.sectors", violations))
        {
            for (var i = 0; i < p.Sectors.Count; i++)
            {
                if (TwinFields.Sector(p.Sectors[i], $"worker.preferences.sectors[{i}]", violations) is { } sector && !valid.Sectors.Contains(sector))
                {
                    valid.Sectors.Add(sector);
                }
            }
        }

        return valid;
    }

    private static WorkCapacity Capacity(WorkCapacity? c, FieldViolations violations)
    {
        if (c is null)
        {
            violations.Add("worker.capacity.hoursPerWeek", $"Geef op hoeveel uur per week de werkende kan werken (1 tot en met {TwinFields.MaxHours}).");
            return new WorkCapacity();
        }

        return new WorkCapacity
        {
            HoursPerWeek = TwinFields.Hours(c.HoursPerWeek, "worker.capacity.hoursPerWeek", "Het aantal uren dat de werkende kan werken", violations),
            PhysicalLoad = TwinFields.Load(c.PhysicalLoad, "worker.capacity.physicalLoad", violations),
            MentalLoad = TwinFields.Load(c.MentalLoad, "worker.capacity.mentalLoad", violations),
        };
    }
}
