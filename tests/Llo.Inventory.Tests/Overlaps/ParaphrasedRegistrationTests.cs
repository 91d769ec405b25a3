using Llo.Contracts.Inventory.V1;
using Llo.Inventory.Tests.Infrastructure;

namespace Llo.Inventory.Tests.Overlaps;

/// <summary>Registering shows the warnings a check shows (its own host: the registered draft would be everyone's twin).</summary>
public sealed class ParaphrasedRegistrationTests(SeededInventoryHost host) : IClassFixture<SeededInventoryHost>
{
    private readonly ProjectService.ProjectServiceClient _client = new(host.Grpc);

    [Fact]
    public async Task Registering_the_draft_shows_the_same_warnings_as_checking_it()
    {
        var checkedOnly = await _client.FindOverlapsAsync(new FindOverlapsRequest { Draft = ParaphrasedOverlapTests.Beroepsorientatie() });
        var draft = ParaphrasedOverlapTests.Beroepsorientatie();
        draft.Status = ProjectStatus.Idea;

        var registered = await _client.CreateProjectAsync(new CreateProjectRequest { Project = draft });

        Assert.Contains(registered.Overlaps, o => o.ProjectId == ParaphrasedOverlapTests.GaanVoorEenBaan);
        Assert.Equal(
            checkedOnly.Overlaps.Select(o => (o.ProjectId, o.Score, string.Join("|", o.Reasons))),
            registered.Overlaps.Select(o => (o.ProjectId, o.Score, string.Join("|", o.Reasons))));
    }
}
