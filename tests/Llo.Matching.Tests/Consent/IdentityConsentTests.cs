using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Llo.Contracts.Demo;
using Llo.Identity.Api;
using Llo.Testing;
using Microsoft.AspNetCore.Builder;
using static Llo.Matching.Tests.MatchingHost;
using static Llo.Matching.Tests.Twins.TwinRequests;

namespace Llo.Matching.Tests.Consent;

/// <summary>
/// The whole chain with the real identity service: its demo users log in (password grant), matching trusts its tokens,
/// and for a twin linked to the demo worker's account the HR manager's candidate list asks identity's consent registry
/// (CheckConsent over gRPC, with the HR manager's token). The demo accounts carry the fixed ids matching's demo seed uses.
/// </summary>
public sealed class IdentityConsentTests(IdentityConsentTests.Platform platform) : IClassFixture<IdentityConsentTests.Platform>
{
    public const string PublicIssuer = "http://localhost:8080/";

    /// <summary>Identity with its demo users, and matching taking identity as its token authority and consent registry.</summary>
    public sealed class Platform : IAsyncLifetime
    {
        public IdentityHost Identity { get; } = new();

        public MatchingHost Matching { get; } = new();

        public async Task InitializeAsync()
        {
            await Identity.InitializeAsync();
            Matching.Settings["Llo:Identity:Authority"] = Identity.Json.BaseAddress!.ToString().TrimEnd('/');
            Matching.Settings["Llo:Identity:Issuer"] = PublicIssuer;
            Matching.Settings["services:identity:grpc:0"] = $"http://{Identity.Grpc.Target}";
            await Matching.InitializeAsync();
        }

        /// <summary>A demo user's access token from identity, with the audiences of <paramref name="scope"/>.</summary>
        public async Task<(HttpClient Matching, HttpClient Identity, string Subject)> LogInAsync(string userName, string scope)
        {
            using var response = await Identity.Json.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "password", ["client_id"] = "llo-cli", ["username"] = userName, ["password"] = "Demo-wachtwoord-1", ["scope"] = scope,
            }));
            var token = (await SuccessAsync(response)).GetProperty("access_token").GetString()!;
            var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
            var claims = JsonDocument.Parse(Convert.FromBase64String(payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '='))).RootElement;
            return (Bearer(Matching.JsonWith(null), token), Bearer(Identity.JsonWith(null), token), claims.GetProperty("sub").GetString()!);
        }

        private static HttpClient Bearer(HttpClient client, string token)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }

        public async Task DisposeAsync()
        {
            await Matching.DisposeAsync();
            await Identity.DisposeAsync();
        }
    }

    /// <summary>The identity service on loopback ports with its demo users, its public issuer as in the app host.</summary>
    public sealed class IdentityHost : ServiceTestHost
    {
        public IdentityHost() : base("identity-db") => Settings["Llo:Identity:Issuer"] = PublicIssuer;

        protected override WebApplication Build(string[] args) => IdentityApp.Build(args);
    }

    [Fact]
    public async Task An_hr_manager_sees_a_twin_linked_to_an_account_only_once_the_worker_consented_in_identity()
    {
        var coach = await platform.LogInAsync("coach@demo1.llo.test", "openid matching.read matching.write");
        var hr = await platform.LogInAsync("hr-manager@demo1.llo.test", "openid matching.read matching.write identity.read");
        var worker = await platform.LogInAsync("worker@demo1.llo.test", "openid identity.read identity.write");
        Assert.Equal(DemoUsers.Coach(1).ToString(), coach.Subject);
        Assert.Equal(DemoUsers.Worker(1).ToString(), worker.Subject);

        var employer = await PostAsync(hr.Matching, "/employers", Employer("Restaurant Identiteit", "hospitality", "Maassluis"));
        var job = (await PostAsync(hr.Matching, $"/employers/{employer.Id()}/jobs", Job("kok", "Maassluis"))).Id();
        var twin = JsonSerializer.SerializeToNode(Worker(Essential("kok"), userId: worker.Subject, municipality: "Maassluis"))!.AsObject();
        twin["consent"] = new System.Text.Json.Nodes.JsonObject { ["shareWithEmployers"] = true };
        var workerId = (await PostAsync(coach.Matching, "/workers", twin)).Id();

        var before = await CandidateIdsAsync(hr.Matching, job);
        await SuccessAsync(await worker.Identity.PostAsync("/api/identity/v1/consents",
            new StringContent("""{"purpose":"worker-profile-to-employers"}""", Encoding.UTF8, "application/json")));
        var after = await CandidateIdsAsync(hr.Matching, job);

        Assert.DoesNotContain(workerId, before);
        Assert.Contains(workerId, after);
        Assert.Contains(workerId, await CandidateIdsAsync(coach.Matching, job));
    }

    private static async Task<List<string>> CandidateIdsAsync(HttpClient client, string job) =>
        [.. (await GetAsync(client, $"/jobs/{job}/candidates?pageSize=50")).GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("workerId").GetString()!)];
}
