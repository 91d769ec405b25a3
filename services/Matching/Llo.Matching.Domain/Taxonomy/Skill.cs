namespace Llo.Matching.Domain.Taxonomy;

/// <summary>An ESCO skill or knowledge concept, keyed by its URI; <see cref="Id"/> is its dense index in this load only.</summary>
public sealed class Skill
{
    public required int Id { get; init; }
    public required string Uri { get; init; }
    public required string LabelEn { get; init; }
    public string? LabelNl { get; set; }

    /// <summary>True when the Dutch label comes from a derived file (skills_nl_partial.csv): ESCO asks changes to be indicated.</summary>
    public bool LabelNlModified { get; set; }

    public string[] AltLabelsEn { get; init; } = [];
    public string[] AltLabelsNl { get; set; } = [];
    public bool IsKnowledge { get; init; }
    public string? DescriptionEn { get; init; }
    public string? DescriptionNl { get; set; }
    public SkillCollections Collections { get; set; }

    /// <summary>The label to show a Dutch user: Dutch when known, else English.</summary>
    public string Label => LabelNl ?? LabelEn;
}

[Flags]
public enum SkillCollections
{
    None = 0,
    Digital = 1,
    Green = 2,
    Language = 4,
    Transversal = 8,
    Research = 16,
}
