using System.Net;
using System.Text.Json;
using Grpc.Core;
using Llo.Contracts.Matching.V1;
using Llo.Matching.Api.Taxonomy;
using static Llo.Matching.Tests.MatchingHost;

namespace Llo.Matching.Tests;

/// <summary>Autocomplete over Dutch and English labels, anonymous, with ESCO's attribution in every answer.</summary>
public sealed class TaxonomySearchTests(MatchingHost host) : IClassFixture<MatchingHost>
{
    private const string Attribution = "Deze dienst gebruikt de ESCO-classificatie van de Europese Commissie";

    private static List<string> Labels(JsonElement body, string list) =>
        body.GetProperty(list).EnumerateArray().Select(e => e.GetProperty("label").GetString()!).ToList();

    [Theory]
    [InlineData("heftruckch", "heftruckchauffeur")] // Dutch prefix
    [InlineData("forklift op", "heftruckchauffeur")] // English label, shown in Dutch
    [InlineData("heftruk", "heftruckchauffeur")] // a typo
    [InlineData("bestuurder heftruck", "heftruckchauffeur")] // an alternative label
    public async Task Occupations_are_found_by_Dutch_and_English_labels_anonymously(string q, string expected)
    {
        var body = await SuccessAsync(await host.JsonAs(null).GetAsync($"{ApiRoot}/occupations?q={Uri.EscapeDataString(q)}"));

        Assert.Equal(expected, Labels(body, "occupations")[0]);
        Assert.Contains(Attribution, body.GetProperty("attribution").GetString());
        Assert.Equal("demo", body.GetProperty("taxonomy").GetString());
        Assert.StartsWith("http://data.europa.eu/esco/occupation/", body.GetProperty("occupations")[0].GetProperty("uri").GetString());
    }

    [Fact]
    public async Task Skills_are_found_by_English_and_Dutch_words_with_the_Dutch_label_shown()
    {
        var english = await SuccessAsync(await host.JsonAs(null).GetAsync($"{ApiRoot}/skills?q=forklift"));
        var dutch = await SuccessAsync(await host.JsonAs(null).GetAsync($"{ApiRoot}/skills?q=heftrucks"));

        Assert.Contains("heftrucks bedienen", Labels(english, "skills"));
        Assert.Equal("heftrucks bedienen", Labels(dutch, "skills")[0]);
        Assert.Equal("operate forklift", dutch.GetProperty("skills")[0].GetProperty("labelEn").GetString());
        Assert.Contains(Attribution, english.GetProperty("attribution").GetString());
    }

    [Fact]
    public async Task The_page_size_limits_the_hits_and_gRPC_answers_the_same()
    {
        var two = await SuccessAsync(await host.JsonAs(null).GetAsync($"{ApiRoot}/skills?q=bereiden&pageSize=2"));
        var all = await SuccessAsync(await host.JsonAs(null).GetAsync($"{ApiRoot}/skills?q=bereiden"));
        var grpc = await new TaxonomyService.TaxonomyServiceClient(host.GrpcAs(null))
            .SearchSkillsAsync(new SearchSkillsRequest { Q = "bereiden", PageSize = 2 });

        Assert.Equal(2, two.GetProperty("skills").GetArrayLength());
        Assert.True(all.GetProperty("skills").GetArrayLength() > 2);
        Assert.Equal(Labels(two, "skills"), grpc.Skills.Select(s => s.Label));
    }

    [Theory]
    [InlineData("skills?q=", "q", "verplicht")]
    [InlineData("occupations?q=%20%20", "q", "verplicht")]
    [InlineData("skills?q=kok&pageSize=51", "pageSize", "tussen 1 en 50")]
    [InlineData("occupations?q=kok&pageSize=-1", "pageSize", "tussen 1 en 50")]
    public async Task Bad_input_is_400_naming_the_field_in_Dutch(string path, string field, string words)
    {
        var violations = await ViolationsAsync(await host.JsonAs(null).GetAsync($"{ApiRoot}/{path}"));

        Assert.Contains(words, violations[field]);
    }

    [Fact]
    public async Task A_too_long_query_is_400_naming_q()
    {
        var violations = await ViolationsAsync(await host.JsonAs(null).GetAsync($"{ApiRoot}/skills?q={new string('a', 101)}"));

        Assert.Contains("te lang", violations["q"]);
    }

    [Fact]
    public async Task Before_the_taxonomy_has_loaded_a_request_gets_Unavailable_with_a_Dutch_message_not_a_500()
    {
        var loading = new LoadedTaxonomy();

        var refused = await Assert.ThrowsAsync<RpcException>(() => loading.WhenReadyAsync(CancellationToken.None, TimeSpan.FromMilliseconds(50)));
        loading.Failed();
        var failed = await Assert.ThrowsAsync<RpcException>(() => loading.WhenReadyAsync(CancellationToken.None));

        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        Assert.Contains("wordt nog geladen", refused.Status.Detail);
        Assert.Equal(StatusCode.Unavailable, failed.StatusCode);
        Assert.Equal(503, Llo.Hosting.Errors.ApiError.HttpStatus(refused.StatusCode));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (HttpStatusCode)Llo.Hosting.Errors.ApiError.HttpStatus(failed.StatusCode));
    }
}
