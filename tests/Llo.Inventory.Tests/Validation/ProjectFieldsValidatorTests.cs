using Grpc.Core;
using Llo.Contracts.Common.V1;
using Llo.Contracts.Inventory.V1;
using Llo.Inventory.Api.Validation;
using Llo.Inventory.Tests.Infrastructure;

namespace Llo.Inventory.Tests.Validation;

public sealed class ProjectFieldsValidatorTests
{
    private static IReadOnlyList<string> Violations(ProjectFields fields)
    {
        var violations = new FieldViolations();
        var result = ProjectFieldsValidator.Validate(fields, "project", violations);
        if (violations.IsEmpty)
        {
            Assert.NotNull(result);
            return [];
        }

        Assert.Null(result);
        return Assertions.FieldViolations(Assert.Throws<RpcException>(violations.ThrowIfAny));
    }

    [Fact]
    public void A_complete_draft_is_valid_and_normalised()
    {
        var fields = Drafts.Valid();
        fields.Campus = "technoplaza";
        fields.Municipalities.Add("VLAARDINGEN");
        fields.Sectors.Add("techniek");

        var data = ProjectFieldsValidator.Validate(fields, "project", new FieldViolations());

        Assert.NotNull(data);
        Assert.Equal("Technoplaza", data.Campus);
        Assert.Equal(["Vlaardingen"], data.Municipalities);
        Assert.Equal(["Techniek"], data.Sectors);
        Assert.Equal(25000.50m, data.BudgetEstimate);
    }

    [Fact]
    public void Every_bad_field_is_reported_at_once_under_its_json_name()
    {
        var fields = Drafts.Valid();
        fields.Title = "ab";
        fields.Summary = new string('x', 501);
        fields.Description = new string('x', 10_001);
        fields.FocusLines.Add(FocusLine.Unspecified);
        fields.Themes.Add((Theme)42);
        fields.Campus = "Hogwarts";
        fields.Municipalities.Add("Rotterdam");
        fields.Partners.Add(new ProjectPartner { Organisation = "Riverboard" });
        fields.Status = ProjectStatus.Unspecified;
        fields.StartDate = "18-03-2022";
        fields.EndDate = "2022-02-30";
        fields.BudgetEstimate = "12.345";
        fields.Links.Add(new ProjectLink { Title = "ftp", Url = "ftp://example.org" });

        Assert.Equal(
            ["project.title", "project.summary", "project.description", "project.focusLines[1]", "project.themes[1]",
             "project.campus", "project.municipalities[1]", "project.partners[1].role", "project.status", "project.startDate",
             "project.endDate", "project.budgetEstimate", "project.links[1].url"],
            Violations(fields));
    }

    [Fact]
    public void An_end_date_before_the_start_date_is_refused()
    {
        var fields = Drafts.Valid();
        fields.StartDate = "2023-05-01";
        fields.EndDate = "2023-04-30";
        Assert.Equal(["project.endDate"], Violations(fields));
    }

    [Fact]
    public void Personal_contact_details_without_consent_are_refused_field_by_field()
    {
        var fields = Drafts.Valid();
        fields.Contact = new ProjectContact { Organisation = "Riverboard", Name = "A. Persoon", Email = "a@example.org", Phone = "010 1234567" };
        Assert.Equal(["project.contact.name", "project.contact.email", "project.contact.phone"], Violations(fields));
    }

    [Fact]
    public void Personal_contact_details_with_consent_must_be_well_formed()
    {
        var fields = Drafts.Valid();
        fields.Contact = new ProjectContact { Consent = true, Name = "A. Persoon", Email = "geen-adres", Phone = "bel me" };
        Assert.Equal(["project.contact.email", "project.contact.phone"], Violations(fields));
    }

    [Fact]
    public void An_unknown_campus_is_refused_with_the_allowed_campuses_in_the_message()
    {
        var fields = Drafts.Valid();
        fields.Campus = "Hogwarts";
        var violations = new FieldViolations();
        ProjectFieldsValidator.Validate(fields, "project", violations);
        var ex = Assert.Throws<RpcException>(violations.ThrowIfAny);
        Assert.Contains("FIA, BIA, MICS, Technoplaza, Zorg en Welzijn plaza, ZIA, Horeca & Food Plaza, Leerwerkplaats Techniek", ex.Status.Detail);
    }

    [Fact]
    public void The_same_partner_twice_is_refused()
    {
        var fields = Drafts.Valid();
        fields.Partners.Add(new ProjectPartner { Organisation = "stroomopwaarts", Role = PartnerRole.Funder });
        Assert.Equal(["project.partners[1].organisation"], Violations(fields));
    }
}
