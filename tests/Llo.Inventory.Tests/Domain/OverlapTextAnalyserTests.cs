using Llo.Inventory.Domain.Overlaps;

namespace Llo.Inventory.Tests.Domain;

public sealed class OverlapTextAnalyserTests
{
    private static readonly HashSet<string> Words = ["zorg", "medewerker", "beroep", "orientatie", "heftruck", "chauffeur", "campus"];

    private static OverlapTextAnalyser Analyser(params string[][] concepts)
    {
        var lexicon = new SynonymLexicon();
        var analyser = new OverlapTextAnalyser(new HashSet<string> { "de", "op", "en" }, new Decompounder(Words), lexicon);
        foreach (var labels in concepts)
        {
            lexicon.AddConcept(labels, analyser.PhraseKey);
        }

        return analyser;
    }

    [Theory]
    [InlineData("managers", "manager")]
    [InlineData("banen", "baan")]
    [InlineData("bedrijven", "bedrijf")]
    [InlineData("lessen", "les")]
    [InlineData("scholen", "school")]
    [InlineData("verzorgende", "verzorgend")]
    [InlineData("mogelijkheden", "mogelijkheid")]
    public void Forms_of_one_word_share_a_stem(string word, string stem) => Assert.Equal(stem, DutchStemmer.Stem(word));

    [Fact]
    public void Compounds_are_split_with_the_word_list_and_left_whole_without_it()
    {
        Assert.Equal(["zorg", "medewerker"], new Decompounder(Words).Split("zorgmedewerker"));
        Assert.Equal(["beroep", "orientatie"], new Decompounder(Words).Split("beroepsorientatie"));
        Assert.Equal(["heftruck", "chauffeurs"], new Decompounder(Words).Split("heftruckchauffeurs"));
        Assert.Empty(new Decompounder(Words).Split("medewerker"));
        Assert.Empty(Decompounder.None.Split("zorgmedewerker"));
    }

    [Fact]
    public void A_compound_meets_its_parts_and_diacritics_and_stop_words_do_not_count()
    {
        var text = Analyser().Analyse("Zorgmedewerkers op de Beroepsoriëntatie", "", "");

        Assert.Contains("zorg", text.Terms.Keys);
        Assert.Contains("medewerker", text.Terms.Keys);
        Assert.Contains("orientatie", text.Terms.Keys);
        Assert.DoesNotContain("de", text.Terms.Keys);
        Assert.Equal("zorg", text.Terms["zorg"].Word);
        Assert.Equal("Zorgmedewerkers", text.Terms["zorgmedewerker"].Word);
        Assert.InRange(text.Terms["zorg"].Weight, 0.1, 0.9); // a part says less than the whole word
    }

    [Fact]
    public void Synonyms_map_to_one_concept_also_as_a_phrase_and_in_plural()
    {
        var analyser = Analyser(["verzorgende", "zorgmedewerker"], ["basisschool", "primair onderwijs", "po"]);

        var a = analyser.Analyse("Verzorgenden in het primair onderwijs", "", "");
        var b = analyser.Analyse("Zorgmedewerker op de basisschool", "", "");

        var shared = a.Terms.Keys.Intersect(b.Terms.Keys).Where(k => k.StartsWith(OverlapTextAnalyser.ConceptPrefix)).ToList();
        Assert.Equal(2, shared.Count);
        Assert.Equal("primair onderwijs", a.Terms[shared.Single(k => b.Terms[k].Word == "basisschool")].Word);
    }
}
