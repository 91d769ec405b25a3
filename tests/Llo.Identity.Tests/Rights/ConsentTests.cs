using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Llo.GrpcClients;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Llo.Identity.Tests.Rights;

/// <summary>
/// The consent registry under /api/identity/v1/consents: a person for themself, a parent for a child under 16, the
/// privacy-officer reads all; the check every service makes follows each give and withdraw.
/// </summary>
public sealed class ConsentTests(IdentityHost host) : IClassFixture<IdentityHost>
{
    private const string Consents = "/api/identity/v1/consents";

    [Fact]
    public async Task A_person_gives_and_withdraws_consent_and_the_check_follows_each_step()
    {
        var (worker, workerId) = await AsAsync("worker@demo1.llo.test");

        var given = await IdentityHost.SuccessAsync(await worker.PostAsJsonAsync(Consents, new { purpose = "worker-profile-to-employers" }));
        var checkedGiven = await CheckAsync(worker, workerId, "worker-profile-to-employers");
        var otherPurpose = await CheckAsync(worker, workerId, "contact-details-to-partners");
        using var twice = await worker.PostAsJsonAsync(Consents, new { purpose = "worker-profile-to-employers" });
        var withdrawn = await IdentityHost.SuccessAsync(await worker.PostAsJsonAsync(
            $"{Consents}/{given.GetProperty("id").GetString()}:withdraw", new { version = 1 }));
        var checkedWithdrawn = await CheckAsync(worker, workerId, "worker-profile-to-employers");
        using var again = await worker.PostAsJsonAsync($"{Consents}/{given.GetProperty("id").GetString()}:withdraw", new { version = 2 });
        var listed = await IdentityHost.SuccessAsync(await worker.GetAsync(Consents));

        Assert.Equal("self", given.GetProperty("relation").GetString());
        Assert.Equal(workerId, given.GetProperty("givenBy").GetString());
        Assert.True(given.GetProperty("inForce").GetBoolean());
        Assert.True(checkedGiven.GetProperty("granted").GetBoolean());
        Assert.False(Flag(otherPurpose, "granted"));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.False(Flag(withdrawn, "inForce"));
        Assert.True(withdrawn.TryGetProperty("withdrawnAt", out _));
        Assert.Equal(2, withdrawn.GetProperty("version").GetInt64());
        Assert.False(Flag(checkedWithdrawn, "granted"));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Single(listed.GetProperty("consents").EnumerateArray());
    }

    [Fact]
    public async Task A_parent_consents_for_a_child_under_16_which_only_they_and_the_privacy_officer_see()
    {
        var (parent, parentId) = await AsAsync("parent@demo1.llo.test");
        var (worker, _) = await AsAsync("worker@demo2.llo.test");
        var (officer, _) = await AsAsync("privacy-officer@demo1.llo.test");
        var child = Guid.NewGuid().ToString();
        var tenYearsAgo = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-10).ToString("yyyy-MM-dd");
        var sixteenYearsAgo = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-16).AddDays(-1).ToString("yyyy-MM-dd");
        // The child's organisation registers the parent first (GuardianshipTests shows the refusal without it).
        await IdentityHost.SuccessAsync(await officer.PostAsJsonAsync("/api/identity/v1/guardianships", new { parentId, childId = child }));

        var given = await IdentityHost.SuccessAsync(await parent.PostAsJsonAsync(Consents,
            new { personId = child, purpose = "pupil-progress-to-school", childBirthDate = tenYearsAgo }));
        using var tooOld = await parent.PostAsJsonAsync(Consents, new { personId = Guid.NewGuid(), purpose = "pupil-progress-to-school", childBirthDate = sixteenYearsAgo });
        using var noBirthDate = await parent.PostAsJsonAsync(Consents, new { personId = Guid.NewGuid(), purpose = "nergens-voor" });
        using var notAParent = await worker.PostAsJsonAsync(Consents, new { personId = child, purpose = "pupil-progress-to-school", childBirthDate = tenYearsAgo });
        var byParent = await IdentityHost.SuccessAsync(await parent.GetAsync($"{Consents}?personId={child}"));
        var byOfficer = await IdentityHost.SuccessAsync(await officer.GetAsync($"{Consents}?personId={child}"));
        using var byStranger = await worker.GetAsync($"{Consents}?personId={child}");
        using var strangerWithdraws = await worker.PostAsJsonAsync($"{Consents}/{given.GetProperty("id").GetString()}:withdraw", new { version = 1 });
        var check = await CheckAsync(worker, child, "pupil-progress-to-school");

        Assert.Equal("parent", given.GetProperty("relation").GetString());
        Assert.Equal(parentId, given.GetProperty("givenBy").GetString());
        Assert.Equal(tenYearsAgo, given.GetProperty("childBirthDate").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, tooOld.StatusCode);
        Assert.Equal(["consent.childBirthDate"], FieldsOf(await IdentityHost.BodyAsync(tooOld)));
        Assert.Equal(["consent.purpose", "consent.childBirthDate"], FieldsOf(await IdentityHost.BodyAsync(noBirthDate)));
        Assert.Equal(HttpStatusCode.Forbidden, notAParent.StatusCode);
        Assert.Single(byParent.GetProperty("consents").EnumerateArray());
        Assert.Single(byOfficer.GetProperty("consents").EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, byStranger.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, strangerWithdraws.StatusCode);
        Assert.True(check.GetProperty("granted").GetBoolean());
    }

    [Fact]
    public async Task The_kits_consent_check_asks_identity_over_grpc_with_the_callers_token_and_fails_closed()
    {
        var (worker, workerId) = await AsAsync("worker@demo2.llo.test");
        await IdentityHost.SuccessAsync(await worker.PostAsJsonAsync(Consents, new { purpose = "contact-details-to-partners" }));

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["services:identity:grpc:0"] = $"http://{host.Grpc.Target}" });
        builder.AddServiceDefaults();
        builder.Services.AddLloConsentCheck();
        using var caller = builder.Build();
        var requests = caller.Services.GetRequiredService<IHttpContextAccessor>();
        var person = Guid.Parse(workerId);

        requests.HttpContext = new DefaultHttpContext();
        requests.HttpContext.Request.Headers.Authorization = worker.DefaultRequestHeaders.Authorization!.ToString();
        using var scope = caller.Services.CreateScope();
        var consents = scope.ServiceProvider.GetRequiredService<ConsentCheck>();
        var given = await consents.IsGivenAsync(person, "contact-details-to-partners");
        var notGiven = await consents.IsGivenAsync(person, "worker-profile-to-employers");
        requests.HttpContext = new DefaultHttpContext();
        var withoutToken = await consents.IsGivenAsync(person, "contact-details-to-partners");

        Assert.True(given);
        Assert.False(notGiven);
        Assert.False(withoutToken);
    }

    private Task<(HttpClient Client, string UserId)> AsAsync(string userName) => host.UserAsync(userName);

    private static async Task<JsonElement> CheckAsync(HttpClient client, string personId, string purpose) =>
        await IdentityHost.SuccessAsync(await client.PostAsJsonAsync($"{Consents}:check", new { personId, purpose }));

    /// <summary>A bool field as transcoding may write it: false may be left out.</summary>
    private static bool Flag(JsonElement message, string field) => message.TryGetProperty(field, out var value) && value.GetBoolean();

    private static List<string> FieldsOf(JsonElement error) =>
        [.. error.GetProperty("details")[0].GetProperty("fieldViolations").EnumerateArray().Select(v => v.GetProperty("field").GetString()!)];
}
