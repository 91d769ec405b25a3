using System.Net;
using System.Text.RegularExpressions;

namespace Llo.Gateway.Tests;

/// <summary>Until the web front end exists, <c>/</c> is a readable Dutch page whose links work.</summary>
public sealed partial class LandingPageTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task The_root_is_a_Dutch_HTML_page_naming_each_service_its_OpenAPI_document_and_gRPC_package()
    {
        using var client = fixture.Gateway.CreateClient();

        using var response = await client.GetAsync("/");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"nl\">", page, StringComparison.Ordinal);
        Assert.Contains("Diensten", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/api/inventory/v1/openapi.json\">", page, StringComparison.Ordinal);
        Assert.Contains("<code>llo.inventory.v1</code>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_link_on_the_page_answers_through_the_gateway()
    {
        using var client = fixture.Gateway.CreateClient();
        var page = await client.GetStringAsync("/");

        var links = Href().Matches(page).Select(match => WebUtility.HtmlDecode(match.Groups[1].Value)).ToList();

        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            using var answer = await client.GetAsync(link);
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{link} answered {(int)answer.StatusCode}");
        }
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
