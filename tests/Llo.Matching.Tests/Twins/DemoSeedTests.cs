using Llo.Contracts.Demo;
using Llo.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Llo.Matching.Tests.Twins.TwinRequests;

namespace Llo.Matching.Tests.Twins;

/// <summary>A fresh start with the demo twins: every sector has an employer, the demo workers get explained matches, and seeding twice adds nothing.</summary>
public sealed class DemoSeedTests(DemoSeedTests.SeededHost host) : IClassFixture<DemoSeedTests.SeededHost>
{
    public sealed class SeededHost : MatchingHost
    {
        public SeededHost() => Settings["Matching:SeedDemoData"] = "true";
    }

    [Fact]
    public async Task The_demo_region_has_an_employer_per_sector_and_every_demo_worker_gets_explained_job_matches_and_region_fit()
    {
        var manager = host.JsonAs(Manager());
        var employers = await GetAsync(manager, "/employers?pageSize=100");
        var workers = await GetAsync(manager, "/workers?pageSize=100");

        Assert.Equal(["care-welfare", "childcare", "education", "food", "hospitality", "port", "technology"],
            employers.GetProperty("employers").EnumerateArray().Select(e => e.GetProperty("fields").GetProperty("sector").GetString()).Order());
        Assert.Equal(10, workers.GetProperty("totalSize").GetInt32());
        foreach (var worker in workers.GetProperty("workers").EnumerateArray())
        {
            Assert.Contains("demo", worker.GetProperty("fields").GetProperty("displayName").GetString(), StringComparison.OrdinalIgnoreCase);
            var matches = await GetAsync(manager, $"/workers/{worker.Id()}/jobMatches");
            Assert.NotEmpty(matches.GetProperty("matches").EnumerateArray());
            var fit = await GetAsync(manager, $"/workers/{worker.Id()}/regionFit");
            Assert.NotEmpty(fit.GetProperty("demand").EnumerateArray());
        }

        var port = employers.GetProperty("employers").EnumerateArray().Single(e => e.GetProperty("fields").GetProperty("sector").GetString() == "port");
        Assert.Equal(TestOrganisations.Two.ToString(), port.GetProperty("ownerOrganisation").GetString());
    }

    [Fact]
    public async Task A_demo_coach_sees_their_own_demo_workers_and_the_demo_worker_their_own_twin()
    {
        var first = await GetAsync(host.JsonAs(Coach(DemoUsers.Coach(1))), "/workers?pageSize=100");
        var second = await GetAsync(host.JsonAs(Coach(DemoUsers.Coach(2))), "/workers?pageSize=100");

        Assert.Equal(7, first.GetProperty("totalSize").GetInt32());
        Assert.Equal(3, second.GetProperty("totalSize").GetInt32());
        Assert.All(first.GetProperty("workers").EnumerateArray(),
            w => Assert.Equal(DemoUsers.Coach(1).ToString(), w.GetProperty("fields").GetProperty("coachUserId").GetString()));
        var own = first.GetProperty("workers").EnumerateArray().Single(w => w.GetProperty("fields").GetProperty("userId").GetString() == DemoUsers.Worker(1).ToString());
        await GetAsync(host.JsonAs(WorkerUser(DemoUsers.Worker(1))), $"/workers/{own.Id()}");
    }

    [Fact]
    public async Task Seeding_again_changes_nothing()
    {
        var seeder = host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Llo.Matching.Api.Seed.DemoTwinSeeder>().Single();
        var before = (await GetAsync(host.JsonAs(Manager()), "/workers")).GetProperty("totalSize").GetInt32();

        await seeder.StartAsync(CancellationToken.None);

        Assert.Equal(before, (await GetAsync(host.JsonAs(Manager()), "/workers")).GetProperty("totalSize").GetInt32());
    }
}
