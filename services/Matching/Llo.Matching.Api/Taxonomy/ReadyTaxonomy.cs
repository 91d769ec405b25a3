using Llo.Matching.Domain.Extraction;
using Llo.Matching.Domain.Scoring;
using Llo.Matching.Domain.Taxonomy;
using Llo.Matching.Domain.Text;

namespace Llo.Matching.Api.Taxonomy;

/// <summary>The loaded taxonomy with everything built on it once: the two autocomplete indexes and the extractor.</summary>
public sealed class ReadyTaxonomy
{
    public ReadyTaxonomy(SkillTaxonomy taxonomy, Decompounder decompounder)
    {
        Taxonomy = taxonomy;
        Skills = LabelSearch.ForSkills(taxonomy);
        Occupations = LabelSearch.ForOccupations(taxonomy);
        Extractor = new SkillExtractor(taxonomy, decompounder);
        Similarity = SkillSimilarity.Learn(taxonomy);
    }

    public SkillTaxonomy Taxonomy { get; }

    public LabelSearch Skills { get; }

    public LabelSearch Occupations { get; }

    public SkillExtractor Extractor { get; }

    /// <summary>How close skills are, learned once from the taxonomy: what "similar to your X" and the transitions use.</summary>
    public SkillSimilarity Similarity { get; }

    /// <summary>The label to show for a skill URI (Dutch when known); the URI itself when this taxonomy lacks it.</summary>
    public string LabelOfSkill(string uri) => Taxonomy.FindSkill(uri)?.Label ?? uri;

    public string LabelOfOccupation(string uri) => Taxonomy.FindOccupation(uri)?.Label ?? uri;

    /// <summary>ESCO's attribution in Dutch, for every answer that shows its labels; the demo taxonomy says it is one.</summary>
    public string Attribution => Taxonomy.IsDemo ? DemoAttribution : EscoAttribution;

    public const string EscoAttribution = "Deze dienst gebruikt de ESCO-classificatie van de Europese Commissie.";

    public const string DemoAttribution = "Demotaxonomie van Llo met labels uit ESCO. " + EscoAttribution;
}
