using System.Net;
using System.Text.Json;
using Grpc.Core;
using Llo.Contracts.Matching.V1;
using Llo.Hosting.Access;
using Llo.Testing;
using Llo.Validation;
using static Llo.Matching.Tests.MatchingHost;

namespace Llo.Matching.Tests;

/// <summary>Skills and occupations proposed from a vacancy text, with phrase, position and confidence; for logged-in callers only.</summary>
public sealed class ExtractionTests(MatchingHost host) : IClassFixture<MatchingHost>
{
    private const string Vacancy =
        "Voor ons distributiecentrum in Vlaardingen zoeken wij een heftruckchauffeur. Je kunt heftrucks bedienen, " +
        "je bent gewend zware gewichten te tillen en je werkt graag in een team.";

    private HttpClient Worker => host.JsonAs(User(TestOrganisations.One, LloRoles.Worker));

    [Fact]
    public async Task A_Dutch_vacancy_text_yields_its_skills_and_occupation_with_phrase_position_and_confidence()
    {
        var body = await SuccessAsync(await Worker.SendAsync(Extract(Vacancy)));

        var skills = body.GetProperty("skills").EnumerateArray().ToList();
        var labels = skills.Select(s => s.GetProperty("label").GetString()).ToList();
        Assert.Contains("heftrucks bedienen", labels);
        Assert.Contains("zware gewichten tillen", labels);
        Assert.DoesNotContain("kooktechnieken gebruiken", labels);
        var occupation = Assert.Single(body.GetProperty("occupations").EnumerateArray());
        Assert.Equal("heftruckchauffeur", occupation.GetProperty("label").GetString());
        foreach (var found in skills.Append(occupation))
        {
            var start = found.GetProperty("start").GetInt32();
            var length = found.GetProperty("length").GetInt32();
            Assert.Equal(found.GetProperty("matchedPhrase").GetString(), Vacancy.Substring(start, length));
            Assert.InRange(found.GetProperty("confidence").GetDouble(), 0.5, 1.0);
        }

        Assert.Contains("Deze dienst gebruikt de ESCO-classificatie van de Europese Commissie", body.GetProperty("attribution").GetString());
    }

    [Fact]
    public async Task Positions_count_in_the_text_as_sent_even_with_leading_spaces()
    {
        var body = await SuccessAsync(await Worker.SendAsync(Extract("   Ervaring als heftruckchauffeur.")));

        var occupation = Assert.Single(body.GetProperty("occupations").EnumerateArray());
        Assert.Equal(16, occupation.GetProperty("start").GetInt32());
    }

    [Fact]
    public async Task An_anonymous_caller_gets_401_in_the_one_error_shape()
    {
        var response = await host.JsonAs(null).SendAsync(Extract(Vacancy));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(16, body.RootElement.GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData("", "verplicht")]
    [InlineData("  \n ", "verplicht")]
    [InlineData("heftruck\u0000chauffeur", "stuurtekens")]
    public async Task Empty_or_unreadable_text_is_400_naming_the_field(string text, string words)
    {
        var violations = await ViolationsAsync(await Worker.SendAsync(Extract(text)));

        Assert.Contains(words, violations["text"]);
    }

    [Fact]
    public async Task An_over_long_text_is_400_naming_the_field_and_its_limit()
    {
        var violations = await ViolationsAsync(await Worker.SendAsync(Extract(new string('x', 20_001))));

        Assert.Contains("hoogstens 20000", violations["text"]);
    }

    [Fact]
    public async Task A_partner_system_with_matching_read_gets_the_same_proposals_over_native_gRPC_and_without_it_PermissionDenied()
    {
        var request = new ExtractSkillsRequest { Text = Vacancy };
        var partner = new SkillExtractionService.SkillExtractionServiceClient(host.GrpcAs(Client(TestOrganisations.One, "matching.read")));
        var stranger = new SkillExtractionService.SkillExtractionServiceClient(host.GrpcAs(Client(TestOrganisations.One, "matching.write")));

        var answer = await partner.ExtractSkillsAsync(request);
        var refused = await Assert.ThrowsAsync<RpcException>(() => stranger.ExtractSkillsAsync(request).ResponseAsync);

        Assert.Contains(answer.Skills, s => s.Label == "heftrucks bedienen");
        Assert.Equal("heftruckchauffeur", Assert.Single(answer.Occupations).Label);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    [Fact]
    public void Every_list_a_request_can_carry_has_a_declared_bound()
    {
        var requests = new[] { TaxonomyService.Descriptor, SkillExtractionService.Descriptor, WorkerService.Descriptor, EmployerService.Descriptor,
            TrainingService.Descriptor, MatchService.Descriptor }.SelectMany(s => s.Methods).Select(m => m.InputType).ToList();

        Assert.True(requests.Count > 20, $"{requests.Count} requests");
        Assert.Empty(ListBound.Unbounded(requests, Llo.Matching.Api.Validation.MatchingLists.All).Select(f => f.FullName));
    }
}
