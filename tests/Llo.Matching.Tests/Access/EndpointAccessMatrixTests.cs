using System.Net.Http.Json;
using Llo.Matching.Tests.Twins;
using Llo.Hosting;
using Llo.Hosting.Access;
using Llo.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Llo.Matching.Tests.MatchingHost;

namespace Llo.Matching.Tests.Access;

/// <summary>
/// The access matrix, generated from the service's own endpoint list: every endpoint names a declared policy or is
/// explicitly anonymous, the anonymous ones are exactly the public taxonomy reads, and every endpoint with a policy
/// refuses anonymous callers (401) and callers without the role, scope or object right (403) and lets the right ones through.
/// A new endpoint without a policy, or without a row here, fails.
/// </summary>
public sealed class EndpointAccessMatrixTests(MatchingHost host) : IClassFixture<MatchingHost>
{
    private static readonly Guid Own = TestOrganisations.One;

    private static readonly string[] ExpectedAnonymous = ["TaxonomyService/SearchOccupations", "TaxonomyService/SearchSkills"];

    private sealed record Case(TestToken[] Allowed, TestToken[] Refused, Func<HttpRequestMessage> Request);

    private static readonly string[] AllRoles =
    [
        LloRoles.ProgrammeManager, LloRoles.ProjectLeader, LloRoles.PartnerEditor, LloRoles.HrManager, LloRoles.Coach,
        LloRoles.Counsellor, LloRoles.Worker, LloRoles.Parent, LloRoles.MunicipalityAnalyst, LloRoles.PrivacyOfficer,
        LloRoles.Operator,
    ];

    /// <summary>Users of the own organisation with every role except <paramref name="allowed"/>, and partner systems without the scope.</summary>
    private static TestToken[] Others(params string[] allowed) =>
        [.. AllRoles.Except(allowed).Select(role => User(Own, role)), User(Own), Client(Own), Client(Own, "inventory.read")];

    /// <summary>Objects the rows need: a coach's worker linked to an account, an employer with a job, a training, matches to decide.</summary>
    private sealed record Objects(Guid Coach, Guid WorkerUser, string Worker, string Employer, string Job, string Training, Queue<string> Matches);

    private async Task<Objects> CreateObjectsAsync()
    {
        var (coach, workerUser) = (Guid.NewGuid(), Guid.NewGuid());
        var cook = Twins.TwinRequests.Essential("kok");
        var worker = await Twins.TwinRequests.PostAsync(host.JsonAs(Twins.TwinRequests.Coach(coach)), "/workers",
            Twins.TwinRequests.Worker(cook.Take(5), userId: workerUser.ToString()));
        var hr = host.JsonAs(User(Own, LloRoles.HrManager));
        var employer = await Twins.TwinRequests.PostAsync(hr, "/employers", Twins.TwinRequests.Employer("Matrix BV", "hospitality", "Schiedam"));
        var job = await Twins.TwinRequests.PostAsync(hr, $"/employers/{employer.Id()}/jobs", Twins.TwinRequests.Job("kok", "Schiedam"));
        var training = await Twins.TwinRequests.PostAsync(host.JsonAs(User(Own, LloRoles.PartnerEditor)), "/trainings",
            new { provider = "Matrixschool", title = "Koken", skillUris = cook.Take(1).ToArray() });
        var matches = new Queue<string>();
        for (var run = 0; run < 20; run++)
        {
            var answer = await Twins.TwinRequests.GetAsync(host.JsonAs(Twins.TwinRequests.Manager()), $"/workers/{worker.Id()}/jobMatches");
            matches.Enqueue(answer.GetProperty("matches")[0].GetProperty("matchId").GetString()!);
        }

        return new Objects(coach, workerUser, worker.Id(), employer.Id(), job.Id(), training.Id(), matches);
    }

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, ApiRoot + path);

    private static HttpRequestMessage Send(HttpMethod method, string path, object body) => new(method, ApiRoot + path) { Content = JsonContent.Create(body) };

    private static Dictionary<string, Case> Cases(Objects o)
    {
        var manager = User(Own, LloRoles.ProgrammeManager);
        var coach = User(Own, LloRoles.Coach) with { Subject = o.Coach.ToString() };
        var workerSelf = User(Own, LloRoles.Worker) with { Subject = o.WorkerUser.ToString() };
        TestToken[] twinReaders = [manager, coach, workerSelf];
        TestToken[] twinStrangers = [.. Others(LloRoles.ProgrammeManager, LloRoles.Coach, LloRoles.Worker), User(Own, LloRoles.Coach), User(Own, LloRoles.Worker), Client(Own, "matching.read")];
        TestToken[] anyUser = [.. AllRoles.Select(role => User(Own, role)), Client(Own, "matching.read")];
        TestToken[] noRole = [User(Own), Client(Own), Client(Own, "inventory.read")];
        TestToken[] ownEmployer = [User(Own, LloRoles.HrManager), manager, Client(Own, "matching.write")];
        TestToken[] otherEmployer = [.. Others(LloRoles.HrManager, LloRoles.ProgrammeManager), User(TestOrganisations.Two, LloRoles.HrManager), Client(TestOrganisations.Two, "matching.write"), Client(Own, "matching.read")];
        TestToken[] ownTraining = [User(Own, LloRoles.PartnerEditor), manager, Client(Own, "matching.write")];
        TestToken[] otherTraining = [.. Others(LloRoles.PartnerEditor, LloRoles.ProgrammeManager), User(TestOrganisations.Two, LloRoles.PartnerEditor), Client(Own, "matching.read")];
        var worker = $"/workers/{o.Worker}";
        var cook = Twins.TwinRequests.Essential("kok");
        return new()
        {
            ["SkillExtractionService/ExtractSkills"] = new(
                [.. AllRoles.Select(role => User(Own, role)), Client(Own, "matching.read")],
                [User(Own), Client(Own), Client(Own, "matching.write"), Client(Own, "inventory.read")],
                () => Extract("Ervaring als heftruckchauffeur.")),
            ["WorkerService/CreateWorker"] = new([manager, User(Own, LloRoles.Coach)], [.. Others(LloRoles.ProgrammeManager, LloRoles.Coach), Client(Own, "matching.write")],
                () => Send(HttpMethod.Post, "/workers", Twins.TwinRequests.Worker(cook.Take(2)))),
            ["WorkerService/GetWorker"] = new(twinReaders, twinStrangers, () => Get(worker)),
            ["WorkerService/ListWorkers"] = new([manager, coach, workerSelf], [.. Others(LloRoles.ProgrammeManager, LloRoles.Coach, LloRoles.Worker), Client(Own, "matching.read")], () => Get("/workers")),
            ["WorkerService/UpdateWorker"] = new([manager, coach], [.. twinStrangers, workerSelf],
                () => Send(HttpMethod.Patch, $"{worker}?version=1&updateMask=displayName", new { displayName = "Testwerkende" })),
            ["WorkerService/ListWorkerHistory"] = new(twinReaders, twinStrangers, () => Get($"{worker}/history")),
            ["EmployerService/CreateEmployer"] = new([.. ownEmployer, User(TestOrganisations.Two, LloRoles.HrManager)], [.. Others(LloRoles.HrManager, LloRoles.ProgrammeManager), Client(Own, "matching.read")],
                () => Send(HttpMethod.Post, "/employers", Twins.TwinRequests.Employer("Nog een BV", "port", "Maassluis"))),
            ["EmployerService/GetEmployer"] = new(anyUser, noRole, () => Get($"/employers/{o.Employer}")),
            ["EmployerService/ListEmployers"] = new(anyUser, noRole, () => Get("/employers")),
            ["EmployerService/UpdateEmployer"] = new(ownEmployer, otherEmployer,
                () => Send(HttpMethod.Patch, $"/employers/{o.Employer}?version=1&updateMask=name", new { name = "Matrix BV" })),
            ["EmployerService/CreateJob"] = new(ownEmployer, otherEmployer,
                () => Send(HttpMethod.Post, $"/employers/{o.Employer}/jobs", Twins.TwinRequests.Job("medewerker keuken", "Schiedam"))),
            ["EmployerService/ListJobs"] = new(anyUser, noRole, () => Get($"/employers/{o.Employer}/jobs")),
            ["EmployerService/GetJob"] = new(anyUser, noRole, () => Get($"/jobs/{o.Job}")),
            ["EmployerService/UpdateJob"] = new(ownEmployer, otherEmployer,
                () => Send(HttpMethod.Patch, $"/jobs/{o.Job}?version=1&updateMask=open", new { open = true })),
            ["TrainingService/CreateTraining"] = new([.. ownTraining, User(TestOrganisations.Two, LloRoles.PartnerEditor)], [.. Others(LloRoles.PartnerEditor, LloRoles.ProgrammeManager), Client(Own, "matching.read")],
                () => Send(HttpMethod.Post, "/trainings", new { provider = "School", title = "Cursus", skillUris = cook.Take(1).ToArray() })),
            ["TrainingService/GetTraining"] = new(anyUser, noRole, () => Get($"/trainings/{o.Training}")),
            ["TrainingService/ListTrainings"] = new(anyUser, noRole, () => Get("/trainings")),
            ["TrainingService/UpdateTraining"] = new(ownTraining, otherTraining,
                () => Send(HttpMethod.Patch, $"/trainings/{o.Training}?version=1&updateMask=title", new { title = "Koken" })),
            ["MatchService/ListJobMatches"] = new(twinReaders, twinStrangers, () => Get($"{worker}/jobMatches")),
            ["MatchService/ListTaskMatches"] = new(twinReaders, twinStrangers, () => Get($"{worker}/taskMatches")),
            ["MatchService/ListTransitions"] = new(twinReaders, twinStrangers, () => Get($"{worker}/transitions")),
            ["MatchService/GetRegionFit"] = new(twinReaders, twinStrangers, () => Get($"{worker}/regionFit")),
            ["MatchService/ListWorkerMatches"] = new(twinReaders, twinStrangers, () => Get($"{worker}/matches")),
            ["MatchService/GetMatch"] = new([manager, coach], twinStrangers, () => Get($"/matches/{o.Matches.Peek()}")),
            ["MatchService/ListCandidates"] = new([manager, coach, User(Own, LloRoles.HrManager)],
                [.. Others(LloRoles.ProgrammeManager, LloRoles.Coach, LloRoles.HrManager), User(TestOrganisations.Two, LloRoles.HrManager), Client(Own, "matching.read")],
                () => Get($"/jobs/{o.Job}/candidates")),
            ["MatchService/DecideMatch"] = new([manager, coach], [.. twinStrangers, workerSelf],
                () => Send(HttpMethod.Post, $"/matches/{(o.Matches.Count > 1 ? o.Matches.Dequeue() : o.Matches.Peek())}:decide", new { decision = "MATCH_STATUS_REJECTED", reason = "test" })),
        };
    }

    private IReadOnlyList<EndpointAccess> Endpoints() => EndpointCatalogue.Read(host.Services, "llo.matching.v1.");

    [Fact]
    public void Every_endpoint_names_exactly_one_declared_policy_or_is_explicitly_anonymous()
    {
        var declared = host.Services.GetRequiredService<LloApi>().Policies.Select(p => p.Name).ToHashSet();
        var endpoints = Endpoints();
        Assert.True(endpoints.Count >= 3, $"Only {endpoints.Count} endpoints found: {string.Join(", ", endpoints.Select(e => e.Key))}");

        var wrong = EndpointCatalogue.WithoutOneDeclaredPolicy(endpoints, declared);
        Assert.True(wrong.Count == 0, "Each endpoint needs one declared policy or [AllowAnonymous]:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void The_anonymous_endpoints_are_exactly_the_taxonomy_searches()
    {
        Assert.Equal(ExpectedAnonymous.Order(), Endpoints().Where(e => e.Anonymous).Select(e => e.Key).Order());
    }

    [Fact]
    public async Task Every_endpoint_with_a_policy_refuses_anonymous_callers_and_callers_without_role_scope_or_object_right_and_admits_the_right_ones()
    {
        var cases = Cases(await CreateObjectsAsync());
        var failures = new List<string>();
        var guarded = Endpoints().Where(e => !e.Anonymous).ToList();
        Assert.NotEmpty(guarded);
        foreach (var endpoint in guarded)
        {
            if (!cases.TryGetValue(endpoint.Key, out var row))
            {
                failures.Add($"{endpoint.Key}: no row in the access matrix; add who may call it and who may not.");
                continue;
            }

            var (anonymous, anonymousCode) = await SendAsync(null, row);
            if (!EndpointCatalogue.IsUnauthenticated(anonymous, anonymousCode))
            {
                failures.Add($"{endpoint.Key} anonymous: {(int)anonymous.StatusCode} code {anonymousCode}, expected 401 Unauthenticated with WWW-Authenticate");
            }

            foreach (var refused in row.Refused)
            {
                var (response, code) = await SendAsync(refused, row);
                if (!EndpointCatalogue.IsPermissionDenied(response, code))
                {
                    failures.Add($"{endpoint.Key} as {Describe(refused)}: {(int)response.StatusCode} code {code}, expected 403 PermissionDenied");
                }
            }

            foreach (var allowed in row.Allowed)
            {
                var (response, _) = await SendAsync(allowed, row);
                if (!response.IsSuccessStatusCode)
                {
                    failures.Add($"{endpoint.Key} as {Describe(allowed)}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task<(HttpResponseMessage Response, int? Code)> SendAsync(TestToken? token, Case row)
    {
        var response = await host.JsonAs(token).SendAsync(row.Request());
        return (response, await EndpointCatalogue.ErrorCodeAsync(response));
    }

    private static string Describe(TestToken token) => token.ClientId == "llo-web"
        ? "user with roles [" + string.Join('+', token.Roles) + "]"
        : "client with scopes [" + string.Join('+', token.Scopes) + "]";
}
