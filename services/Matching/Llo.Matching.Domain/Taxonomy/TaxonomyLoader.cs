namespace Llo.Matching.Domain.Taxonomy;

/// <summary>ESCO when a directory is found (DESIGN.md §7), else the demo taxonomy; the caller shows <see cref="SkillTaxonomy.Source"/>.</summary>
public static class TaxonomyLoader
{
    public static SkillTaxonomy LoadEscoOrDemo(string baseDirectory, IProgress<ImportProgress>? progress = null) =>
        EscoDirectory.Find(baseDirectory) is { } directory ? EscoImporter.Load(directory, progress) : DemoTaxonomy.Load();
}
