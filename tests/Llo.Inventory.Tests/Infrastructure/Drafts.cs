using Llo.Contracts.Common.V1;
using Llo.Contracts.Inventory.V1;

namespace Llo.Inventory.Tests.Infrastructure;

/// <summary>Valid project fields to start a test from; each test changes what it is about.</summary>
public static class Drafts
{
    public static ProjectFields Valid(string title = "Techniekpad voor ondernemers in Vlaardingen") => new()
    {
        Title = title,
        Summary = "Ondernemers en het mbo bouwen samen een leerlijn techniek voor zij-instromers.",
        Description = "Werkgevers leiden werkenden om naar technische beroepen met praktijkleren op de werkvloer.",
        FocusLines = { FocusLine.WorkToWork },
        Themes = { Theme.Collaboration },
        Sectors = { "Techniek" },
        TargetGroups = { "zij-instromers" },
        Campus = "Technoplaza",
        Municipalities = { "Vlaardingen" },
        Partners = { new ProjectPartner { Organisation = "Stroomopwaarts", Role = PartnerRole.Lead } },
        Status = ProjectStatus.Idea,
        StartDate = "2023-01-01",
        EndDate = "2023-12-31",
        BudgetEstimate = "25000.50",
        Contact = new ProjectContact { Organisation = "Stroomopwaarts", Role = "Projectleider" },
        Links = { new ProjectLink { Title = "Website", Url = "https://www.stroomopwaarts.nl" } },
    };
}
