using Llo.Contracts.Matching.V1;
using Llo.Matching.Api.Validation;
using Llo.Matching.Domain.Taxonomy;

namespace Llo.Matching.Api.Employers;

/// <summary>Checks an employer's and a job's fields, naming each refused field by its JSON path ("employer.…", "job.…").</summary>
public static class EmployerValidator
{
    public static EmployerFields Validate(EmployerFields? fields, FieldViolations violations)
    {
        if (fields is null)
        {
            violations.Add("employer", "De werkgever ontbreekt.").ThrowIfAny();
        }

        var valid = new EmployerFields
        {
            Name = TextField.Check(fields!.Name, "employer.name", "De naam", 200, required: true, violations),
            Sector = TwinFields.Sector(fields.Sector, "employer.sector", violations) ?? "",
        };
        if (fields.Locations.Count == 0)
        {
            violations.Add("employer.locations", "Noem minstens één vestiging (gemeente).");
        }
        else if (MatchingLists.Locations.Check(fields.Locations.Count, "employer.locations", violations))
        {
            for (var i = 0; i < fields.Locations.Count; i++)
            {
                if (TwinFields.Municipality(fields.Locations[i], $"employer.locations[{i}]", violations, required: true) is { } m && !valid.Locations.Contains(m))
                {
                    valid.Locations.Add(m);
                }
            }
        }

        violations.ThrowIfAny();
        return valid;
    }

    /// <summary>
    /// The job in canonical form. Without any skills the occupation's own ESCO skills are taken; the municipality must
    /// be one of <paramref name="employer"/>'s locations.
    /// </summary>
    public static JobFields ValidateJob(JobFields? fields, EmployerFields employer, SkillTaxonomy taxonomy, FieldViolations violations)
    {
        if (fields is null)
        {
            violations.Add("job", "De functie ontbreekt.").ThrowIfAny();
        }

        var valid = new JobFields
        {
            Title = TextField.Check(fields!.Title, "job.title", "De functienaam", 200, required: true, violations),
            HoursPerWeek = TwinFields.Hours(fields.HoursPerWeek, "job.hoursPerWeek", "Het aantal uren", violations),
            PhysicalLoad = TwinFields.Load(fields.PhysicalLoad, "job.physicalLoad", violations),
            MentalLoad = TwinFields.Load(fields.MentalLoad, "job.mentalLoad", violations),
            Open = fields.Open,
        };
        var occupation = TwinFields.Occupation(taxonomy, fields.OccupationUri, "job.occupationUri", violations, required: true);
        valid.OccupationUri = occupation?.Uri ?? "";
        var essential = TwinFields.Skills(taxonomy, fields.EssentialSkillUris, MatchingLists.EssentialSkills, "job.essentialSkillUris", violations);
        var optional = TwinFields.Skills(taxonomy, fields.OptionalSkillUris, MatchingLists.OptionalSkills, "job.optionalSkillUris", violations);
        for (var i = 0; i < fields.OptionalSkillUris.Count && i < MatchingLists.OptionalSkills.Max; i++)
        {
            if (essential.Contains(fields.OptionalSkillUris[i].Trim()))
            {
                violations.Add($"job.optionalSkillUris[{i}]", "Deze vaardigheid is al essentieel; noem haar maar één keer.");
            }
        }

        if (essential.Count == 0 && optional.Count == 0 && occupation is not null)
        {
            essential = occupation.EssentialSkills.Select(s => taxonomy.Skills[s].Uri).Take(MatchingLists.EssentialSkills.Max).ToList();
            optional = occupation.OptionalSkills.Select(s => taxonomy.Skills[s].Uri).Take(MatchingLists.OptionalSkills.Max).ToList();
        }

        valid.EssentialSkillUris.AddRange(essential);
        valid.OptionalSkillUris.AddRange(optional);
        if (TwinFields.Municipality(fields.Municipality, "job.municipality", violations, required: true) is { } municipality)
        {
            if (!employer.Locations.Contains(municipality))
            {
                violations.Add("job.municipality", $"De werkgever heeft geen vestiging in {municipality}; kies uit: {string.Join(", ", employer.Locations)}.");
            }

            valid.Municipality = municipality;
        }

        if (MatchingLists.Tasks.Check(fields.Tasks.Count, "job.tasks", violations))
        {
            for (var i = 0; i < fields.Tasks.Count; i++)
            {
                valid.Tasks.Add(ValidTask(fields.Tasks[i], $"job.tasks[{i}]", taxonomy, violations));
            }
        }

        violations.ThrowIfAny();
        return valid;
    }

    private static JobTask ValidTask(JobTask task, string path, SkillTaxonomy taxonomy, FieldViolations violations)
    {
        var valid = new JobTask
        {
            Title = TextField.Check(task.Title, $"{path}.title", "De taak", 200, required: true, violations),
            HoursPerWeek = TwinFields.Hours(task.HoursPerWeek, $"{path}.hoursPerWeek", "Het aantal uren van de taak", violations),
            PhysicalLoad = TwinFields.Load(task.PhysicalLoad, $"{path}.physicalLoad", violations),
            MentalLoad = TwinFields.Load(task.MentalLoad, $"{path}.mentalLoad", violations),
        };
        if (task.SkillUris.Count == 0)
        {
            violations.Add($"{path}.skillUris", "Noem minstens één vaardigheid die de taak vraagt.");
        }

        valid.SkillUris.AddRange(TwinFields.Skills(taxonomy, task.SkillUris, MatchingLists.TaskSkills, $"{path}.skillUris", violations));
        return valid;
    }
}
