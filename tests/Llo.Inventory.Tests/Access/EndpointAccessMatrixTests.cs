using Llo.Hosting;
using Llo.Hosting.Access;
using Llo.Inventory.Tests.Infrastructure;
using Llo.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Llo.Inventory.Tests.Access.AccessRequests;
using static Llo.Testing.EndpointCatalogue;

namespace Llo.Inventory.Tests.Access;

/// <summary>
/// The access matrix, generated from the service's own endpoint list (gRPC methods and minimal APIs alike): every
/// endpoint names a declared policy or is explicitly anonymous, the anonymous ones are exactly the public reads the
/// plan wants, and every endpoint with a policy refuses anonymous callers (401), wrong roles, scopes and other
/// organisations (403) and lets the right caller through. A new endpoint without a policy, or without a row here, fails.
/// </summary>
public sealed class EndpointAccessMatrixTests(InventoryHost host) : IClassFixture<InventoryHost>
{
    private static readonly Guid Own = TestOrganisations.One;
    private static readonly Guid Other = TestOrganisations.Two;

    /// <summary>Public by the plan: the inventory's reads, the overlap check, asking the desk; and the operator's command.</summary>
    private static readonly string[] ExpectedAnonymous =
    [
        "ProjectService/ListProjects", "ProjectService/GetProject", "ProjectService/FindOverlaps",
        "AgendaService/ListAgendaItems", "AgendaService/GetAgendaItem", "GET /api/inventory/v1/agenda.ics",
        "BlindSpotService/GetBlindSpots",
        "DeskService/SubmitDeskQuestion", "DeskService/ListDeskQuestions",
        "ScalingService/ListScalingProposals", "ScalingService/GetScalingProposal",
        "POST /admin/demo-data:reseed",
    ];

    private sealed record Case(TestToken Allowed, TestToken[] Refused, Func<Task<HttpRequestMessage>> Request);

    private static TestToken As(Guid organisation, string role) => InventoryHost.User(organisation, role);

    private static TestToken Partner(Guid organisation, params string[] scopes) => InventoryHost.Client(organisation, scopes);

    /// <summary>One row per endpoint with a policy: who gets through, who is refused, and a fresh request each time.</summary>
    private Dictionary<string, Case> Cases()
    {
        var objects = new AccessRequests(host);
        TestToken[] notEditors = [As(Own, LloRoles.Worker), As(Own, LloRoles.HrManager), Partner(Own, "inventory.read")];
        TestToken[] otherOrganisation = [Editor(Other), As(Other, LloRoles.ProgrammeManager), Partner(Other, "inventory.write")];
        TestToken[] notProgrammeStaff = [Editor(Own), As(Own, LloRoles.Coach), Partner(Own, "inventory.read", "inventory.write")];
        return new()
        {
            ["ProjectService/CreateProject"] = new(Editor(Own), notEditors,
                () => Task.FromResult(Json(HttpMethod.Post, $"{ApiRoot}/projects", Project("Nieuw project")))),
            ["ProjectService/UpdateProject"] = new(Editor(Own), [.. notEditors, .. otherOrganisation],
                async () => Json(HttpMethod.Patch, $"{ApiRoot}/projects/{await objects.OwnProjectAsync()}?version=1&updateMask=summary", new { summary = "Bijgewerkt" })),
            ["ProjectService/ArchiveProject"] = new(Partner(Own, "inventory.write"), [.. notEditors, .. otherOrganisation],
                async () => new HttpRequestMessage(HttpMethod.Delete, $"{ApiRoot}/projects/{await objects.OwnProjectAsync()}")),
            ["ScalingService/ProposeScaling"] = new(Editor(Own), [.. notEditors, .. otherOrganisation],
                async () => Json(HttpMethod.Post, $"{ApiRoot}/projects/{await objects.OwnProjectAsync()}/scalingProposals", Assessment)),
            ["ScalingService/DecideScaling"] = new(As(Other, LloRoles.ProgrammeManager),
                [As(Own, LloRoles.ProjectLeader), Editor(Own), Partner(Own, "inventory.write")],
                async () =>
                {
                    var project = await objects.OwnProjectAsync();
                    var proposal = await objects.ProposalAsync(project);
                    return Json(HttpMethod.Post, $"{ApiRoot}/projects/{project}/scalingProposals/{proposal}:decide",
                        new { decision = "SCALING_DECISION_APPROVED", decidedOn = "2022-06-01" });
                }),
            ["AgendaService/CreateAgendaItem"] = new(Editor(Own), notEditors,
                () => Task.FromResult(Json(HttpMethod.Post, $"{ApiRoot}/agendaItems", AgendaItem()))),
            ["AgendaService/UpdateAgendaItem"] = new(Editor(Own), [.. notEditors, .. otherOrganisation],
                async () => Json(HttpMethod.Patch, $"{ApiRoot}/agendaItems/{await objects.OwnAgendaItemAsync()}?version=1&updateMask=title", new { title = "Verplaatst" })),
            ["AgendaService/DeleteAgendaItem"] = new(Partner(Own, "inventory.write"), [.. notEditors, .. otherOrganisation],
                async () => new HttpRequestMessage(HttpMethod.Delete, $"{ApiRoot}/agendaItems/{await objects.OwnAgendaItemAsync()}")),
            ["DeskService/GetDeskQuestion"] = new(As(Other, LloRoles.ProjectLeader), notProgrammeStaff,
                async () => new HttpRequestMessage(HttpMethod.Get, $"{ApiRoot}/deskQuestions/{await objects.DeskQuestionAsync()}")),
            ["DeskService/AssignDeskQuestion"] = new(As(Own, LloRoles.ProjectLeader), notProgrammeStaff,
                async () => Json(HttpMethod.Post, $"{ApiRoot}/deskQuestions/{await objects.DeskQuestionAsync()}:assign", new { })),
            ["DeskService/AnswerDeskQuestion"] = new(As(Own, LloRoles.ProgrammeManager), notProgrammeStaff,
                async () => Json(HttpMethod.Post, $"{ApiRoot}/deskQuestions/{await objects.DeskQuestionAsync("assign")}:answer", new { answer = "Zie het Leerwerkloket." })),
            ["DeskService/CloseDeskQuestion"] = new(As(Own, LloRoles.ProjectLeader), notProgrammeStaff,
                async () => Json(HttpMethod.Post, $"{ApiRoot}/deskQuestions/{await objects.DeskQuestionAsync("assign", "answer")}:close", new { })),
        };
    }

    private IReadOnlyList<EndpointAccess> Endpoints() => EndpointCatalogue.Read(host.Services, "llo.inventory.v1.");

    [Fact]
    public void Every_endpoint_names_exactly_one_declared_policy_or_is_explicitly_anonymous()
    {
        var declared = host.Services.GetRequiredService<LloApi>().Policies.Select(p => p.Name).ToHashSet();
        var endpoints = Endpoints();
        Assert.True(endpoints.Count >= 20, $"Only {endpoints.Count} endpoints found: {string.Join(", ", endpoints.Select(e => e.Key))}");

        var wrong = EndpointCatalogue.WithoutOneDeclaredPolicy(endpoints, declared);
        Assert.True(wrong.Count == 0, "Each endpoint needs one declared policy or [AllowAnonymous]:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void The_anonymous_endpoints_are_exactly_the_public_reads_the_desk_submission_and_the_operator_command()
    {
        var anonymous = Endpoints().Where(e => e.Anonymous).Select(e => e.Key).Order().ToList();

        Assert.Equal(ExpectedAnonymous.Order(), anonymous);
    }

    [Fact]
    public async Task Every_endpoint_with_a_policy_refuses_anonymous_callers_wrong_roles_and_other_organisations_and_admits_the_right_caller()
    {
        var cases = Cases();
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

            var anonymous = await SendAsync(null, row);
            if (!IsUnauthenticated(anonymous.Response, anonymous.Code))
            {
                failures.Add($"{endpoint.Key} anonymous: {(int)anonymous.Response.StatusCode} code {anonymous.Code}, expected 401 Unauthenticated with WWW-Authenticate");
            }

            foreach (var refused in row.Refused)
            {
                var answer = await SendAsync(refused, row);
                if (!IsPermissionDenied(answer.Response, answer.Code))
                {
                    failures.Add($"{endpoint.Key} as {Describe(refused)}: {(int)answer.Response.StatusCode} code {answer.Code}, expected 403 PermissionDenied");
                }
            }

            var allowed = await SendAsync(row.Allowed, row);
            if (!allowed.Response.IsSuccessStatusCode)
            {
                failures.Add($"{endpoint.Key} as {Describe(row.Allowed)}: {(int)allowed.Response.StatusCode} {await allowed.Response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task<(HttpResponseMessage Response, int? Code)> SendAsync(TestToken? token, Case row)
    {
        var response = await host.As(token).SendAsync(await row.Request());
        return (response, await ErrorCodeAsync(response));
    }

    private static string Describe(TestToken token) =>
        $"{(token.Roles.Count > 0 ? string.Join('+', token.Roles) : "client " + string.Join('+', token.Scopes))} of {(token.Organisation == Own ? "own" : "other")} organisation";
}
