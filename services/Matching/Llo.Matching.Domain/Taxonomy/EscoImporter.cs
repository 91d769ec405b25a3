namespace Llo.Matching.Domain.Taxonomy;

/// <summary>
/// Loads ESCO v1.1.1 from its official CSV files, streaming row by row. Dutch skill labels come from
/// <c>skills_nl.csv</c> when present, else <c>skills_nl_partial.csv</c> (marked as modified), else English.
/// The crosswalks next to the ESCO folder add UWV occupation names and the ISCO-08 → BRC 2014 table.
/// Loading twice gives the same taxonomy: nothing depends on anything but the files.
/// </summary>
public static class EscoImporter
{
    private const int StepCount = 9;

    public static SkillTaxonomy Load(string directory, IProgress<ImportProgress>? progress = null)
    {
        var skillsPath = EscoDirectory.Locate(directory, "skills_en.csv")
            ?? throw new FileNotFoundException($"Geen ESCO-bestanden in {directory}: skills_en.csv ontbreekt.");
        var step = 0;
        void Report(string file, long rows) => progress?.Report(new ImportProgress(step, StepCount, file, rows));

        step++;
        var skills = new List<Skill>(14_000);
        var skillIds = new Dictionary<string, int>(StringComparer.Ordinal);
        ReadRows(skillsPath, Report, (row, h) =>
        {
            var uri = CsvRows.Field(row, h, "conceptUri");
            if (uri.Length == 0 || skillIds.ContainsKey(uri))
            {
                return;
            }

            var skill = new Skill
            {
                Id = skills.Count,
                Uri = uri,
                LabelEn = CsvRows.Field(row, h, "preferredLabel"),
                AltLabelsEn = Lines(CsvRows.Field(row, h, "altLabels")),
                IsKnowledge = CsvRows.Field(row, h, "skillType") == "knowledge",
                DescriptionEn = NullIfEmpty(CsvRows.Field(row, h, "description")),
            };
            skillIds[uri] = skill.Id;
            skills.Add(skill);
        });

        step++;
        var fullDutch = EscoDirectory.Locate(directory, "skills_nl.csv");
        var dutchSkills = fullDutch ?? EscoDirectory.Locate(directory, "skills_nl_partial.csv");
        if (dutchSkills is not null)
        {
            var modified = fullDutch is null;
            ReadRows(dutchSkills, Report, (row, h) =>
            {
                if (!skillIds.TryGetValue(CsvRows.Field(row, h, "conceptUri"), out var id))
                {
                    return;
                }

                var label = CsvRows.Field(row, h, "preferredLabel");
                if (label.Length > 0)
                {
                    skills[id].LabelNl = label;
                    skills[id].LabelNlModified = modified;
                }

                skills[id].AltLabelsNl = Lines(CsvRows.Field(row, h, "altLabels"));
                skills[id].DescriptionNl = NullIfEmpty(CsvRows.Field(row, h, "description"));
            });
        }

        step++;
        var occupations = new List<Occupation>(3_100);
        var occupationIds = new Dictionary<string, int>(StringComparer.Ordinal);
        ReadRows(EscoDirectory.Locate(directory, "occupations_en.csv"), Report, (row, h) =>
        {
            var uri = CsvRows.Field(row, h, "conceptUri");
            if (uri.Length == 0 || occupationIds.ContainsKey(uri))
            {
                return;
            }

            var occupation = new Occupation
            {
                Id = occupations.Count,
                Uri = uri,
                LabelEn = CsvRows.Field(row, h, "preferredLabel"),
                AltLabelsEn = Lines(CsvRows.Field(row, h, "altLabels")),
                DescriptionEn = NullIfEmpty(CsvRows.Field(row, h, "description")),
                IscoGroup = CsvRows.Field(row, h, "iscoGroup"),
            };
            occupationIds[uri] = occupation.Id;
            occupations.Add(occupation);
        });

        step++;
        ReadRows(EscoDirectory.Locate(directory, "occupations_nl.csv"), Report, (row, h) =>
        {
            if (!occupationIds.TryGetValue(CsvRows.Field(row, h, "conceptUri"), out var id))
            {
                return;
            }

            occupations[id].LabelNl = NullIfEmpty(CsvRows.Field(row, h, "preferredLabel"));
            occupations[id].AltLabelsNl = Lines(CsvRows.Field(row, h, "altLabels"));
            occupations[id].DescriptionNl = NullIfEmpty(CsvRows.Field(row, h, "description"));
        });

        step++;
        var essential = new List<int>?[occupations.Count];
        var optional = new List<int>?[occupations.Count];
        ReadRows(EscoDirectory.Locate(directory, "occupationSkillRelations.csv"), Report, (row, h) =>
        {
            if (!occupationIds.TryGetValue(CsvRows.Field(row, h, "occupationUri"), out var occupation)
                || !skillIds.TryGetValue(CsvRows.Field(row, h, "skillUri"), out var skill))
            {
                return;
            }

            var lists = CsvRows.Field(row, h, "relationType") == "essential" ? essential : optional;
            (lists[occupation] ??= []).Add(skill);
        });
        foreach (var occupation in occupations)
        {
            occupation.EssentialSkills = essential[occupation.Id]?.Distinct().ToArray() ?? [];
            occupation.OptionalSkills = optional[occupation.Id]?.Except(occupation.EssentialSkills).Distinct().ToArray() ?? [];
        }

        step++;
        var related = new HashSet<int>?[skills.Count];
        ReadRows(EscoDirectory.Locate(directory, "skillSkillRelations.csv"), Report, (row, h) =>
        {
            if (skillIds.TryGetValue(CsvRows.Field(row, h, "originalSkillUri"), out var a)
                && skillIds.TryGetValue(CsvRows.Field(row, h, "relatedSkillUri"), out var b) && a != b)
            {
                (related[a] ??= []).Add(b);
                (related[b] ??= []).Add(a);
            }
        });

        step++;
        ReadCollections(directory, skills, skillIds, Report);

        step++;
        var crosswalks = EscoDirectory.Crosswalks(directory);
        var uwv = crosswalks is null ? null : Path.Combine(crosswalks, "esco_occupations_to_nl_uwv_occupations.csv");
        if (uwv is not null && File.Exists(uwv))
        {
            // A 16-line metadata block precedes the header in the Member States' mapping-table format.
            ReadRows(uwv, Report, (row, h) =>
            {
                if (occupationIds.TryGetValue(CsvRows.Field(row, h, "Classification 1 URI"), out var id))
                {
                    var label = CsvRows.Field(row, h, "Classification 2 PrefLabel").Trim();
                    if (label.Length > 0 && !occupations[id].UwvLabels.Contains(label))
                    {
                        occupations[id].UwvLabels.Add(label);
                    }
                }
            }, skipLines: 16);
        }

        step++;
        var brc = new Dictionary<string, BrcGroup>(StringComparer.Ordinal);
        var brcPath = crosswalks is null ? null : Path.Combine(crosswalks, "isco08_to_brc2014.csv");
        if (brcPath is not null && File.Exists(brcPath))
        {
            ReadRows(brcPath, Report, (row, h) =>
            {
                var isco = CsvRows.Field(row, h, "isco08_unit");
                if (isco.Length > 0)
                {
                    brc[isco] = new BrcGroup(CsvRows.Field(row, h, "brc_group"), CsvRows.Field(row, h, "brc_group_label"), CsvRows.Field(row, h, "brc_class"));
                }
            });
        }

        var relatedSkills = related.Select(r => r?.Order().ToArray() ?? []).ToArray();
        var version = fullDutch is null ? "ESCO v1.1.1 (Nederlandse vaardigheidslabels deels)" : "ESCO v1.1.1";
        return new SkillTaxonomy(version, isDemo: false, skills, occupations, relatedSkills, brc, occupationSectors: null);
    }

    private static void ReadCollections(string directory, List<Skill> skills, Dictionary<string, int> skillIds, Action<string, long> report)
    {
        var collections = new (string File, SkillCollections Flag)[]
        {
            ("digitalSkillsCollection_en.csv", SkillCollections.Digital),
            ("greenSkillsCollection_en.csv", SkillCollections.Green),
            ("languageSkillsCollection_en.csv", SkillCollections.Language),
            ("transversalSkillsCollection_en.csv", SkillCollections.Transversal),
            ("researchSkillsCollection_en.csv", SkillCollections.Research),
        };
        foreach (var (file, flag) in collections)
        {
            var path = EscoDirectory.Locate(directory, file);
            if (path is null)
            {
                continue;
            }

            ReadRows(path, report, (row, h) =>
            {
                if (skillIds.TryGetValue(CsvRows.Field(row, h, "conceptUri"), out var id))
                {
                    skills[id].Collections |= flag;
                }
            });
        }
    }

    private static void ReadRows(string? path, Action<string, long> report, Action<string[], Dictionary<string, int>> handle, int skipLines = 0)
    {
        if (path is null)
        {
            return;
        }

        var name = Path.GetFileName(path);
        report(name, 0);
        Dictionary<string, int>? header = null;
        long rows = 0;
        foreach (var row in CsvRows.Read(path, skipLines))
        {
            if (header is null)
            {
                header = CsvRows.Header(row);
                continue;
            }

            handle(row, header);
            if (++rows % 20_000 == 0)
            {
                report(name, rows);
            }
        }

        report(name, rows);
    }

    private static string[] Lines(string field) =>
        field.Length == 0 ? [] : field.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
