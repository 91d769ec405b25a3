using Llo.Inventory.Domain.Projects;

namespace Llo.Inventory.Tests.Domain;

public sealed class ProjectDataTests
{
    private static readonly ProjectData Base = new("Titel", "", "", [FocusLine.WorkToWork], [], [], [], null, [],
        [new("Riverboard", PartnerRole.Lead)], ProjectStatus.Idea, null, null, null, null, "", "", [new("Site", "https://a.nl")]);

    [Fact]
    public void Changed_fields_name_exactly_the_fields_that_differ()
    {
        var changed = Base with { Title = "Nieuw", Status = ProjectStatus.Pilot, FocusLines = [FocusLine.WorkToWork] };
        Assert.Equal(["title", "status"], Base.ChangedFields(changed));
    }

    [Fact]
    public void Joining_adds_only_new_partners_and_links()
    {
        var draft = Base with
        {
            Partners = [new("riverboard", PartnerRole.Partner), new("Stroomopwaarts", PartnerRole.Partner)],
            Links = [new("Zelfde", "https://A.nl"), new("Nieuw", "https://b.nl")],
            Title = "Anders",
        };

        var joined = Base.Join(draft);

        Assert.Equal(["Riverboard", "Stroomopwaarts"], joined.Partners.Select(p => p.Organisation));
        Assert.Equal(["https://a.nl", "https://b.nl"], joined.Links.Select(l => l.Url));
        Assert.Equal("Titel", joined.Title);
        Assert.Equal(["partners", "links"], Base.ChangedFields(joined));
    }
}
