using System.Text.Json;
using Llo.Contracts.Events;
using Llo.Testing;
using static Llo.Matching.Tests.Twins.TwinRequests;

namespace Llo.Matching.Tests.Twins;

/// <summary>Matching under its own privacy name, so no other test host on the broker takes its requests.</summary>
public sealed class PrivacyMatchingHost : MatchingHost
{
    public string PrivacyName { get; } = "matching-" + Guid.NewGuid().ToString("N")[..8];

    public PrivacyMatchingHost() => Settings["Llo:Privacy:Service"] = PrivacyName;
}

/// <summary>
/// Matching answers identity's export and erasure requests from the broker: the worker twins linked to the person's
/// account, exported with their history and matches, and erased with them (after which no job offers the worker).
/// </summary>
public sealed class MatchingPersonalDataTests(PrivacyMatchingHost host) : IClassFixture<PrivacyMatchingHost>
{
    [Fact]
    public async Task An_export_request_for_an_account_returns_its_twin_and_an_erasure_request_removes_it_from_store_and_matches()
    {
        var (coach, account) = (Guid.NewGuid(), Guid.NewGuid());
        var hr = host.JsonAs(Hr(TestOrganisations.One));
        var employer = await PostAsync(hr, "/employers", Employer("Rechten BV", "hospitality", "Vlaardingen"));
        var job = await PostAsync(hr, $"/employers/{employer.Id()}/jobs", Job("kok", "Vlaardingen"));
        var mine = await PostAsync(host.JsonAs(Coach(coach)), "/workers", Worker(Essential("kok").Take(5), userId: account.ToString()));
        var someoneElse = await PostAsync(host.JsonAs(Coach(coach)), "/workers", Worker(Essential("kok").Take(5), userId: Guid.NewGuid().ToString()));
        var person = new PersonRef(account, ["iemand@example.nl"]);

        var export = await AnswerAsync("privacy-export-requests", "privacy.personal-data-exported", new PersonalDataExportRequested(Guid.NewGuid(), person));
        using var part = JsonDocument.Parse(export.GetProperty("json").GetString()!);
        var twin = Assert.Single(part.RootElement.GetProperty("workers").EnumerateArray());
        Assert.Equal(mine.Id(), twin.GetProperty("workerId").GetString());

        var erased = await AnswerAsync("privacy-erasure-requests", "privacy.erasure-confirmed", new ErasureRequested(Guid.NewGuid(), person));
        Assert.True(erased.GetProperty("count").GetInt32() >= 2, erased.ToString()); // the twin and its history
        var candidates = await GetAsync(host.JsonAs(Manager()), $"/jobs/{job.Id()}/candidates");
        var offered = candidates.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("workerId").GetString()).ToList();
        Assert.DoesNotContain(mine.Id(), offered);
        Assert.Contains(someoneElse.Id(), offered);
    }

    [Fact]
    public async Task A_request_naming_only_an_e_mail_address_finds_no_twin_because_twins_store_none()
    {
        var answer = await AnswerAsync("privacy-erasure-requests", "privacy.erasure-confirmed",
            new ErasureRequested(Guid.NewGuid(), new PersonRef(null, ["alleen.mail@example.nl"])));

        Assert.Equal(0, answer.GetProperty("count").GetInt32());
    }

    private async Task<JsonElement> AnswerAsync(string queue, string answerType, IntegrationEvent request)
    {
        await TestBroker.WaitForConsumerAsync($"{host.PrivacyName}.{queue}", TimeSpan.FromSeconds(60));
        var requestId = request switch
        {
            ErasureRequested erasure => erasure.RequestId,
            PersonalDataExportRequested export => export.RequestId,
            _ => throw new ArgumentException("Not a privacy request.", nameof(request)),
        };
        await TestBroker.PublishAsync(Guid.NewGuid(), request);
        return await TestOutbox.WaitForAsync(host.Database.DataSource, answerType, "requestId", requestId.ToString());
    }
}
