namespace Llo.Matching.Domain.Taxonomy;

/// <summary>
/// The built-in taxonomy for a start without ESCO files: 19 occupations of the plan's sectors (food, technology,
/// care and welfare, education, childcare, hospitality, port) with their main skills, taken from ESCO v1.1.1 with the
/// same URIs, so twins built on it stay valid once the full ESCO is imported.
/// </summary>
public static class DemoTaxonomy
{
    public const string ResourceName = "Llo.Matching.Domain.DemoTaxonomy.tsv";

    public static SkillTaxonomy Load()
    {
        using var stream = typeof(DemoTaxonomy).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var skills = new List<Skill>();
        var skillIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var occupations = new List<Occupation>();
        var sectors = new Dictionary<int, string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var f = line.Split('\t');
            if (f[0] == "S")
            {
                var skill = new Skill
                {
                    Id = skills.Count,
                    Uri = f[1],
                    LabelNl = f[2].Length > 0 ? f[2] : null,
                    LabelEn = f[3],
                    AltLabelsNl = Alternatives(f[4]),
                    AltLabelsEn = Alternatives(f[5]),
                    IsKnowledge = f[6] == "1",
                };
                skillIds[skill.Uri] = skill.Id;
                skills.Add(skill);
            }
            else if (f[0] == "O")
            {
                var occupation = new Occupation
                {
                    Id = occupations.Count,
                    Uri = f[1],
                    IscoGroup = f[3],
                    LabelNl = f[4],
                    LabelEn = f[5],
                    AltLabelsNl = Alternatives(f[6]),
                    AltLabelsEn = Alternatives(f[7]),
                    EssentialSkills = Uris(f[8], skillIds),
                    OptionalSkills = Uris(f[9], skillIds),
                };
                sectors[occupation.Id] = f[2];
                occupations.Add(occupation);
            }
        }

        var related = skills.Select(_ => Array.Empty<int>()).ToArray();
        return new SkillTaxonomy("demo", isDemo: true, skills, occupations, related, [], sectors);
    }

    private static string[] Alternatives(string field) =>
        field.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int[] Uris(string field, Dictionary<string, int> ids) =>
        field.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(u => ids[u]).ToArray();
}
