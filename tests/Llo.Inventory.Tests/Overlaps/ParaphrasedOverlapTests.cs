using Grpc.Core;
using Llo.Contracts.Inventory.V1;
using Llo.Inventory.Tests.Infrastructure;

namespace Llo.Inventory.Tests.Overlaps;

/// <summary>Issue 7: a partner who describes a seeded project in their own words is warned, with reasons a person reads.</summary>
public sealed class ParaphrasedOverlapTests(SeededInventoryHost host) : IClassFixture<SeededInventoryHost>
{
    public const string GaanVoorEenBaan = "0a11d022-0000-4000-8000-000000000005";
    private readonly ProjectService.ProjectServiceClient _client = new(host.Grpc);

    public static ProjectFields Beroepsorientatie() => new()
    {
        Title = "Beroepsoriëntatie op de basisschool",
        Summary = "Leerlingen van groep 7 en 8 bezoeken bedrijven en praten met professionals over hun werk.",
    };

    [Fact]
    public async Task A_draft_of_only_a_title_and_a_summary_in_other_words_finds_Gaan_voor_een_baan_with_the_concepts_that_matched()
    {
        var result = await _client.FindOverlapsAsync(new FindOverlapsRequest { Draft = Beroepsorientatie() });

        var overlap = Assert.Single(result.Overlaps, o => o.ProjectId == GaanVoorEenBaan);
        Assert.Equal("Gaan voor een baan Waterwegregio", overlap.Title);
        Assert.InRange(overlap.Score, 0.35, 1.0);
        Assert.Contains(overlap.Reasons, r => r.StartsWith("Zelfde begrip: ", StringComparison.Ordinal) && r.Contains("Leerlingen ≈ kind"));
    }

    [Fact]
    public async Task A_summary_alone_is_enough_to_check_and_the_status_may_be_left_open()
    {
        var draft = new ProjectFields
        {
            Summary = "Een netwerk van HR-managers van bedrijven in de regio die personeel delen en uitlenen.",
        };

        var result = await _client.FindOverlapsAsync(new FindOverlapsRequest { Draft = draft });

        Assert.Contains(result.Overlaps, o => o.Title == "LLO-netwerk van HR-managers");
    }

    [Fact]
    public async Task A_draft_without_title_and_summary_is_refused_naming_the_title()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await _client.FindOverlapsAsync(new FindOverlapsRequest { Draft = new ProjectFields { Sectors = { "Techniek" } } }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["draft.title"], ApiErrors.GrpcFields(error));
    }

    [Fact]
    public async Task A_draft_given_over_json_without_status_is_checked()
    {
        var response = await host.Json.PostAsync("/api/inventory/v1/projects:findOverlaps", new StringContent(
            """{"title":"Beroepsoriëntatie op de basisschool","summary":"Leerlingen van groep 7 en 8 bezoeken bedrijven en praten met professionals over hun werk."}""",
            System.Text.Encoding.UTF8, "application/json"));

        var body = await ApiErrors.JsonAsync(response);
        Assert.Contains(body.GetProperty("overlaps").EnumerateArray(), o => o.GetProperty("projectId").GetString() == GaanVoorEenBaan);
    }
}
