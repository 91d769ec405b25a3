using System.Net;
using System.Net.Http.Json;
using Llo.Testing;
using static Llo.Matching.Tests.MatchingHost;
using static Llo.Matching.Tests.Twins.TwinRequests;

namespace Llo.Matching.Tests.Twins;

/// <summary>The employer's twin: owned by the HR manager's organisation, jobs with ESCO skills and tasks, changed only by its own organisation.</summary>
public sealed class EmployerTwinTests(MatchingHost host) : IClassFixture<MatchingHost>
{
    [Fact]
    public async Task An_hr_manager_registers_an_employer_and_a_job_whose_skills_come_from_its_occupation_with_labels()
    {
        var hr = host.JsonAs(Hr(TestOrganisations.Two));
        var employer = await PostAsync(hr, "/employers", Employer("Testhaven BV", "port", "Maassluis", "vlaardingen"));
        var job = await PostAsync(hr, $"/employers/{employer.Id()}/jobs", new
        {
            title = "Heftruckchauffeur", occupationUri = Occupation("heftruckchauffeur").Uri, hoursPerWeek = 36, municipality = "Vlaardingen", open = true,
        });

        Assert.Equal(TestOrganisations.Two.ToString(), employer.GetProperty("ownerOrganisation").GetString());
        Assert.Equal(["Maassluis", "Vlaardingen"], employer.GetProperty("fields").GetProperty("locations").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(Essential("heftruckchauffeur"), job.GetProperty("fields").GetProperty("essentialSkillUris").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("heftruckchauffeur", job.GetProperty("occupationLabel").GetString());
        Assert.Equal("port", job.GetProperty("sector").GetString());
        Assert.Equal([("matching.job-registered", 1L)], await OutboxAsync(host, job.Id()));
        var read = await GetAsync(host.JsonAs(User(TestOrganisations.One, "worker")), $"/jobs/{job.Id()}");
        Assert.Equal(job.Id(), read.Id());
    }

    [Fact]
    public async Task Another_organisations_hr_manager_cannot_change_the_employer_or_add_jobs_but_the_programme_manager_can()
    {
        var employer = await PostAsync(host.JsonAs(Hr(TestOrganisations.Two)), "/employers", Employer("Eigen BV", "food", "Schiedam"));
        var stranger = host.JsonAs(Hr(TestOrganisations.One));

        var patch = await PatchAsync(stranger, $"/employers/{employer.Id()}?version=1&updateMask=name", new { name = "Overgenomen" });
        var job = await stranger.PostAsJsonAsync($"{ApiRoot}/employers/{employer.Id()}/jobs", Job("bakker", "Schiedam"));
        var byManager = await SuccessAsync(await PatchAsync(host.JsonAs(Manager()), $"/employers/{employer.Id()}?version=1&updateMask=name", new { name = "Hernoemd BV" }));

        Assert.Equal(HttpStatusCode.Forbidden, patch.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, job.StatusCode);
        Assert.Equal("Hernoemd BV", byManager.GetProperty("fields").GetProperty("name").GetString());
        Assert.Equal(2, byManager.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_job_outside_the_employers_locations_with_an_unknown_occupation_and_bad_hours_is_400_naming_the_fields()
    {
        var hr = host.JsonAs(Hr(TestOrganisations.One));
        var employer = await PostAsync(hr, "/employers", Employer("Bakkerij Test", "food", "Schiedam"));

        var violations = await ViolationsAsync(await hr.PostAsJsonAsync($"{ApiRoot}/employers/{employer.Id()}/jobs", new
        {
            title = "Bakker", occupationUri = "http://data.europa.eu/esco/occupation/onbekend", hoursPerWeek = 0, municipality = "Maassluis",
            tasks = new[] { new { title = "Bakken", skillUris = Array.Empty<string>(), hoursPerWeek = 8 } },
        }));
        var badEmployer = await ViolationsAsync(await hr.PostAsJsonAsync($"{ApiRoot}/employers", Employer("", "mijnbouw", "Rotterdam")));

        Assert.Contains("Onbekend beroep", violations["job.occupationUri"]);
        Assert.Contains("tussen 1 en 60", violations["job.hoursPerWeek"]);
        Assert.Contains("geen vestiging in Maassluis", violations["job.municipality"]);
        Assert.Contains("vaardigheid", violations["job.tasks[0].skillUris"]);
        Assert.Contains("employer.name", badEmployer.Keys);
        Assert.Contains("Onbekende sector", badEmployer["employer.sector"]);
        Assert.Contains("Onbekende gemeente", badEmployer["employer.locations[0]"]);
    }

    [Fact]
    public async Task A_partner_editor_publishes_a_training_offer_with_its_event_and_a_list_filters_by_skill()
    {
        var editor = host.JsonAs(User(TestOrganisations.One, "partner-editor"));
        var skill = Essential("lasser")[0];
        var training = await PostAsync(editor, "/trainings", new
        {
            provider = "Testschool", title = "Lassen voor beginners", skillUris = new[] { skill }, level = "cursus", durationHours = 40, place = "Vlaardingen", costCents = 0,
        });

        var list = await GetAsync(host.JsonAs(User(TestOrganisations.One, "coach")), $"/trainings?skillUri={Uri.EscapeDataString(skill)}");

        Assert.Equal(Label(skill), training.GetProperty("skills")[0].GetProperty("label").GetString());
        Assert.Contains(list.GetProperty("trainings").EnumerateArray(), t => t.Id() == training.Id());
        Assert.Equal([("matching.training-offer-published", 1L)], await OutboxAsync(host, training.Id()));
        var other = await host.JsonAs(User(TestOrganisations.Two, "partner-editor")).PatchAsync(
            $"{ApiRoot}/trainings/{training.Id()}?version=1&updateMask=title", JsonContent.Create(new { title = "Overgenomen" }));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }
}
