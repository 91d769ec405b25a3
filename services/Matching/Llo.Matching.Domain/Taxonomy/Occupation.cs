namespace Llo.Matching.Domain.Taxonomy;

/// <summary>An ESCO occupation with its essential and optional skills (dense skill ids).</summary>
public sealed class Occupation
{
    public required int Id { get; init; }
    public required string Uri { get; init; }
    public required string LabelEn { get; init; }
    public string? LabelNl { get; set; }
    public string[] AltLabelsEn { get; init; } = [];
    public string[] AltLabelsNl { get; set; } = [];
    public string? DescriptionEn { get; init; }
    public string? DescriptionNl { get; set; }

    /// <summary>ISCO-08 unit group code ("2654"), the bridge to CBS BRC 2014.</summary>
    public string IscoGroup { get; init; } = "";

    /// <summary>Dutch UWV occupation names that the official ESCO-UWV mapping links to this occupation.</summary>
    public List<string> UwvLabels { get; } = [];

    public int[] EssentialSkills { get; set; } = [];
    public int[] OptionalSkills { get; set; } = [];

    public string Label => LabelNl ?? LabelEn;
}

/// <summary>A CBS BRC 2014 occupation group ("0634 Militaire beroepen"), reached from an ISCO-08 unit group.</summary>
public sealed record BrcGroup(string Code, string Label, string ClassCode);
