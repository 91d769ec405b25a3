using Llo.Matching.Domain.Text;

namespace Llo.Matching.Domain.Taxonomy;

/// <summary>
/// The loaded classification: skills and occupations keyed by ESCO URI, occupation→skill links, skill→skill relations,
/// and the Dutch crosswalks (UWV occupation names, ISCO-08 → CBS BRC 2014). Read-only once built; safe to share.
/// </summary>
public sealed class SkillTaxonomy
{
    public const string EscoAttribution = "This service uses the ESCO classification of the European Commission.";

    private readonly Dictionary<string, int> skillByUri;
    private readonly Dictionary<string, int> occupationByUri;
    private readonly Dictionary<string, int[]> occupationsByDutchName;
    private readonly Dictionary<string, BrcGroup> brcByIsco;

    internal SkillTaxonomy(
        string source,
        bool isDemo,
        List<Skill> skills,
        List<Occupation> occupations,
        int[][] relatedSkills,
        Dictionary<string, BrcGroup> brcByIsco,
        Dictionary<int, string>? occupationSectors)
    {
        Source = source;
        IsDemo = isDemo;
        Skills = skills;
        Occupations = occupations;
        RelatedSkills = relatedSkills;
        this.brcByIsco = brcByIsco;
        OccupationSectors = occupationSectors ?? [];
        skillByUri = skills.ToDictionary(s => s.Uri, s => s.Id, StringComparer.Ordinal);
        occupationByUri = occupations.ToDictionary(o => o.Uri, o => o.Id, StringComparer.Ordinal);
        OccupationsOfSkill = BuildOccupationsOfSkill(skills.Count, occupations);
        occupationsByDutchName = BuildDutchNames(occupations);
    }

    /// <summary>"ESCO v1.1.1 (dir)" or "demo": shown so nobody mistakes the demo taxonomy for ESCO.</summary>
    public string Source { get; }

    public bool IsDemo { get; }

    public string Attribution => IsDemo
        ? "Demotaxonomie van Llo, met labels uit ESCO. " + EscoAttribution
        : EscoAttribution;

    public IReadOnlyList<Skill> Skills { get; }

    public IReadOnlyList<Occupation> Occupations { get; }

    /// <summary>Per skill id, the skills ESCO relates to it (skillSkillRelations, both directions).</summary>
    public int[][] RelatedSkills { get; }

    /// <summary>Per skill id, the occupations that list it (essential or optional).</summary>
    public int[][] OccupationsOfSkill { get; }

    /// <summary>Sector codes of occupations where the taxonomy knows them (the demo taxonomy does).</summary>
    public IReadOnlyDictionary<int, string> OccupationSectors { get; }

    public Skill? FindSkill(string uri) => skillByUri.TryGetValue(uri, out var id) ? Skills[id] : null;

    public Occupation? FindOccupation(string uri) => occupationByUri.TryGetValue(uri, out var id) ? Occupations[id] : null;

    /// <summary>The CBS BRC 2014 group of an occupation through its ISCO-08 unit group, or null when the table lacks it.</summary>
    public BrcGroup? BrcGroupOf(Occupation occupation) =>
        brcByIsco.TryGetValue(occupation.IscoGroup, out var group) ? group : null;

    /// <summary>
    /// The ESCO occupations a Dutch occupation name stands for: ESCO's Dutch labels and alternative labels and the
    /// UWV occupation names of the official mapping ("Exportmanager" → import export manager, ...). Case and
    /// diacritics do not matter.
    /// </summary>
    public IReadOnlyList<Occupation> FindOccupationsByDutchName(string name) =>
        occupationsByDutchName.TryGetValue(Folding.Fold(name.Trim()), out var ids)
            ? ids.Select(id => Occupations[id]).ToList()
            : [];

    /// <summary>The ESCO occupations of an ISCO-08 unit group, for a statistic in CBS/ISCO terms.</summary>
    public IReadOnlyList<Occupation> OccupationsInIscoGroup(string iscoGroup) =>
        Occupations.Where(o => o.IscoGroup == iscoGroup).ToList();

    private static int[][] BuildOccupationsOfSkill(int skillCount, List<Occupation> occupations)
    {
        var lists = new List<int>?[skillCount];
        foreach (var occupation in occupations)
        {
            foreach (var skill in occupation.EssentialSkills.Concat(occupation.OptionalSkills))
            {
                (lists[skill] ??= []).Add(occupation.Id);
            }
        }

        return lists.Select(l => l?.ToArray() ?? []).ToArray();
    }

    private static Dictionary<string, int[]> BuildDutchNames(List<Occupation> occupations)
    {
        var names = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        void Add(string label, int id)
        {
            var key = Folding.Fold(label.Trim());
            if (key.Length == 0)
            {
                return;
            }

            var list = names.TryGetValue(key, out var existing) ? existing : names[key] = [];
            if (!list.Contains(id))
            {
                list.Add(id);
            }
        }

        // Own labels first, so an exact ESCO label ranks before an occupation that a UWV name merely maps onto.
        foreach (var o in occupations)
        {
            if (o.LabelNl is { } nl)
            {
                Add(nl, o.Id);
            }

            foreach (var alt in o.AltLabelsNl)
            {
                Add(alt, o.Id);
            }
        }

        foreach (var o in occupations)
        {
            foreach (var uwv in o.UwvLabels)
            {
                Add(uwv, o.Id);
            }
        }

        return names.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }
}
