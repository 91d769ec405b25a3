using System.Text.Json;
using Llo.Testing;
using static Llo.Matching.Tests.MatchingHost;
using static Llo.Matching.Tests.Twins.TwinRequests;

namespace Llo.Matching.Tests.Consent;

/// <summary>
/// Who sees whom among a job's candidates: the job's HR manager only twins that consented to be shown to employers
/// (and, for a twin linked to an account, only when identity confirms: here it cannot, so never); each coach only
/// their own workers; the programme manager everyone.
/// </summary>
public sealed class CandidateConsentTests(CandidateConsentTests.Region region) : IClassFixture<CandidateConsentTests.Region>
{
    /// <summary>A cook job and four cooks: consented, not consented, consented but linked to an account, and another coach's.</summary>
    public sealed class Region : MatchingHost, IAsyncLifetime
    {
        public Guid CoachId { get; } = Guid.NewGuid();
        public Guid OtherCoachId { get; } = Guid.NewGuid();
        public string JobId { get; private set; } = "";
        public string Consented { get; private set; } = "";
        public string NotConsented { get; private set; } = "";
        public string Linked { get; private set; } = "";
        public string OtherCoachs { get; private set; } = "";

        public new async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var hr = JsonAs(Hr(TestOrganisations.One));
            var restaurant = await PostAsync(hr, "/employers", Employer("Restaurant Toestemming", "hospitality", "Schiedam"));
            JobId = (await PostAsync(hr, $"/employers/{restaurant.Id()}/jobs", Job("kok", "Schiedam"))).Id();
            var cook = Essential("kok");
            Consented = await CookAsync(CoachId, cook, consent: true);
            NotConsented = await CookAsync(CoachId, cook, consent: false);
            Linked = await CookAsync(CoachId, cook, consent: true, userId: Guid.NewGuid().ToString());
            OtherCoachs = await CookAsync(OtherCoachId, cook, consent: true);
        }

        private async Task<string> CookAsync(Guid coach, string[] skills, bool consent, string userId = "")
        {
            var twin = JsonSerializer.SerializeToNode(Worker(skills, userId: userId, municipality: "Schiedam"))!.AsObject();
            twin["consent"] = new System.Text.Json.Nodes.JsonObject { ["shareWithEmployers"] = consent };
            return (await PostAsync(JsonAs(Coach(coach)), "/workers", twin)).Id();
        }
    }

    private async Task<List<JsonElement>> CandidatesAsync(TestToken token) =>
        [.. (await GetAsync(region.JsonAs(token), $"/jobs/{region.JobId}/candidates?pageSize=50")).GetProperty("candidates").EnumerateArray()];

    private static IEnumerable<string> Ids(IEnumerable<JsonElement> candidates) => candidates.Select(c => c.GetProperty("workerId").GetString()!).Order();

    [Fact]
    public async Task The_hr_manager_sees_only_the_twin_that_consented_without_its_name()
    {
        var seen = await CandidatesAsync(Hr(TestOrganisations.One));

        Assert.Equal([region.Consented, region.OtherCoachs], Ids(seen));
        Assert.All(seen, c => Assert.Equal("", c.GetProperty("displayName").GetString()));
    }

    [Fact]
    public async Task A_twin_linked_to_an_account_is_not_shown_to_an_employer_when_identity_cannot_confirm_the_consent()
    {
        var seen = Ids(await CandidatesAsync(Hr(TestOrganisations.One)));
        var twin = await GetAsync(region.JsonAs(Coach(region.CoachId)), $"/workers/{region.Linked}");

        Assert.True(twin.GetProperty("fields").GetProperty("consent").GetProperty("shareWithEmployers").GetBoolean());
        Assert.DoesNotContain(region.Linked, seen);
    }

    [Fact]
    public async Task Each_coach_sees_only_their_own_workers_whatever_their_consent_and_the_programme_manager_everyone()
    {
        Assert.Equal(new[] { region.Consented, region.NotConsented, region.Linked }.Order(), Ids(await CandidatesAsync(Coach(region.CoachId))));
        Assert.Equal([region.OtherCoachs], Ids(await CandidatesAsync(Coach(region.OtherCoachId))));
        Assert.Equal(new[] { region.Consented, region.NotConsented, region.Linked, region.OtherCoachs }.Order(), Ids(await CandidatesAsync(Manager())));
    }
}
