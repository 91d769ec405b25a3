using static Llo.Matching.Tests.MatchingHost;

namespace Llo.Matching.Tests;

/// <summary>The OpenAPI document names the endpoints and marks the fields the validators require.</summary>
public sealed class OpenApiTests(MatchingHost host) : IClassFixture<MatchingHost>
{
    [Fact]
    public async Task The_document_lists_the_search_and_extraction_paths_with_their_required_fields()
    {
        var document = await SuccessAsync(await host.JsonAs(null).GetAsync($"{ApiRoot}/openapi.json"));

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains($"{ApiRoot}/skills", paths);
        Assert.Contains($"{ApiRoot}/occupations", paths);
        Assert.Contains($"{ApiRoot}/skills:extract", paths);
        var text = document.GetRawText();
        Assert.Contains("\"required\":[\"text\"]", text.Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_document_lists_the_twin_and_match_paths_of_the_issue()
    {
        var document = await SuccessAsync(await host.JsonAs(null).GetAsync($"{ApiRoot}/openapi.json"));

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var path in new[]
        {
            "/workers", "/workers/{id}", "/employers", "/employers/{id}", "/employers/{employerId}/jobs", "/jobs/{id}", "/trainings", "/trainings/{id}",
            "/workers/{workerId}/jobMatches", "/jobs/{jobId}/candidates", "/workers/{workerId}/taskMatches", "/workers/{workerId}/transitions",
            "/workers/{workerId}/regionFit", "/matches/{id}:decide",
        })
        {
            Assert.Contains(ApiRoot + path, paths);
        }
    }
}
