using Llo.Matching.Domain.Taxonomy;

namespace Llo.Matching.Domain.Tests;

public sealed class DemoTaxonomyTests
{
    [Fact]
    public void Without_ESCO_files_the_demo_taxonomy_covers_the_plans_sectors_with_real_ESCO_URIs()
    {
        var demo = TaxonomyLoader.LoadEscoOrDemo(Path.Combine(Path.GetTempPath(), "no-esco-" + Guid.NewGuid()));

        Assert.True(demo.IsDemo);
        Assert.Contains("ESCO", demo.Attribution);
        Assert.Equal(["care-welfare", "childcare", "education", "food", "hospitality", "port", "technology"], demo.OccupationSectors.Values.Distinct().Order());
        Assert.All(demo.Skills, s => Assert.StartsWith("http://data.europa.eu/esco/skill/", s.Uri));
        Assert.All(demo.Occupations, o => Assert.NotEmpty(o.EssentialSkills));
        Assert.Equal("heftruckchauffeur", demo.FindOccupationsByDutchName("Heftruckchauffeur").Single().LabelNl);
        var search = LabelSearch.ForOccupations(demo);
        Assert.Equal("kok", demo.Occupations[search.Search("ko")[0].ConceptId].LabelNl);
    }
}
