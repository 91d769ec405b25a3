using Xunit.Abstractions;
using Llo.Matching.Domain.Taxonomy;

namespace Llo.Matching.Domain.Tests;

[Collection(EscoCollection.Name)]
public sealed class TaxonomyTests(EscoFixture esco, ITestOutputHelper output)
{
    private const string Cook = "http://data.europa.eu/esco/occupation/90f75f67-495d-49fa-ab57-2f320e251d7e";

    [EscoFact]
    public void Importing_ESCO_keeps_every_occupation_skill_and_relation_keyed_by_URI()
    {
        var taxonomy = esco.Taxonomy;

        Assert.Equal(3007, taxonomy.Occupations.Count);
        Assert.Equal(13896, taxonomy.Skills.Count);
        // 67 of the 123,855 rows name occupations that are not in occupations_en.csv; the importer skips them.
        Assert.Equal(123788, taxonomy.Occupations.Sum(o => o.EssentialSkills.Length + o.OptionalSkills.Length));
        var cook = taxonomy.FindOccupation(Cook)!;
        Assert.Equal("kok", cook.LabelNl);
        Assert.Equal("cook", cook.LabelEn);
        Assert.NotEmpty(cook.EssentialSkills);
        Assert.Contains(taxonomy.RelatedSkills, r => r.Length > 0);
        Assert.Contains(taxonomy.Skills, s => s.Collections.HasFlag(SkillCollections.Digital));
    }

    [EscoFact]
    public void Dutch_skill_labels_come_from_the_partial_file_marked_as_modified_and_fall_back_to_English()
    {
        var skills = esco.Taxonomy.Skills;
        var dutch = skills.Count(s => s.LabelNl is not null);

        Assert.InRange(dutch, 7000, 7100);
        Assert.All(skills.Where(s => s.LabelNl is not null), s => Assert.True(s.LabelNlModified));
        var english = skills.First(s => s.LabelNl is null);
        Assert.Equal(english.LabelEn, english.Label);
        Assert.Contains(skills, s => s.AltLabelsNl.Length > 0);
    }

    [EscoFact]
    public void A_Dutch_UWV_occupation_name_finds_its_ESCO_occupation_and_ISCO_leads_to_the_CBS_BRC_group()
    {
        var taxonomy = esco.Taxonomy;

        var exportManagers = taxonomy.FindOccupationsByDutchName("exportmanager");
        var heftruck = taxonomy.FindOccupationsByDutchName("Heftruckchauffeur");

        Assert.Contains(exportManagers, o => o.LabelEn == "import export manager");
        Assert.Contains(heftruck, o => o.LabelEn == "forklift operator");
        var brc = taxonomy.BrcGroupOf(taxonomy.FindOccupation(Cook)!);
        Assert.NotNull(brc);
        Assert.Equal(("1112", "Koks"), (brc.Code, brc.Label));
        Assert.All(taxonomy.Occupations, o => Assert.NotNull(taxonomy.BrcGroupOf(o)));
    }

    [EscoFact]
    public void Loading_reports_progress_per_file_and_gives_the_same_taxonomy_twice()
    {
        var steps = new List<ImportProgress>();
        var progress = new SynchronousProgress(steps.Add);

        var again = EscoImporter.Load(EscoFixture.Directory, progress);

        Assert.Contains(steps, p => p.File == "occupationSkillRelations.csv" && p.RowsRead == 123855);
        Assert.Equal(9, steps.Max(p => p.Step));
        Assert.Equal(esco.Taxonomy.Skills.Select(s => s.Uri), again.Skills.Select(s => s.Uri));
    }

    [EscoFact]
    public void Label_search_finds_Dutch_and_English_prefixes_and_forgives_a_typo()
    {
        var built = System.Diagnostics.Stopwatch.StartNew();
        var skills = LabelSearch.ForSkills(esco.Taxonomy);
        var occupations = LabelSearch.ForOccupations(esco.Taxonomy);
        output.WriteLine($"search indexes built in {built.ElapsedMilliseconds} ms");
        var timed = System.Diagnostics.Stopwatch.StartNew();
        skills.Search("veiligheidsvoorschriften");
        skills.Search("lasse");
        occupations.Search("heftruk");
        output.WriteLine($"three searches in {timed.Elapsed.TotalMilliseconds:F1} ms");

        var heftruck = occupations.Search("heftruk");
        var lass = skills.Search("lass");
        var cook = occupations.Search("kok", 3);
        var python = skills.Search("Pyth");

        Assert.Equal("forklift operator", esco.Taxonomy.Occupations[heftruck[0].ConceptId].LabelEn);
        Assert.True(heftruck[0].Fuzzy);
        Assert.Contains(lass, h => h.MatchedLabel.StartsWith("lass", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(Cook, esco.Taxonomy.Occupations[cook[0].ConceptId].Uri);
        Assert.StartsWith("Python", esco.Taxonomy.Skills[python[0].ConceptId].LabelEn);
        Assert.Empty(skills.Search("   "));
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
