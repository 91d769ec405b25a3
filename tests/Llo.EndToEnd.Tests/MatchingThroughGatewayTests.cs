using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Llo.EndToEnd.Tests;

/// <summary>
/// Issue 9 end to end: the matching service imports ESCO (found in ../shared/data/esco-v1.1.1 on these machines, else
/// the demo taxonomy), a coach's CV text becomes a twin through skill extraction, and the twin gets explained job
/// matches among the demo region's jobs, all through the gateway with a demo programme manager's token.
/// </summary>
[Collection(LloPlatform.Name)]
public sealed class MatchingThroughGatewayTests(LloAppFixture fixture)
{
    private const string Cv = "Ik heb vijf jaar in een distributiecentrum gewerkt. Ik kan heftrucks bedienen, zware gewichten tillen en werk graag in een team.";

    [Fact]
    public async Task A_twin_made_from_an_extracted_CV_text_gets_explained_job_matches_through_the_gateway()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(12));
        var ct = timeout.Token;
        using var gateway = fixture.App.CreateHttpClient("gateway", "http");
        gateway.DefaultRequestHeaders.Authorization = new("Bearer", await DemoTokens.AccessTokenAsync(gateway, "programme-manager@demo1.llo.test", "openid matching.read matching.write", ct));

        // The full ESCO import takes minutes: the service answers 503 until its taxonomy is ready.
        var extracted = await UntilReadyAsync(() => gateway.PostAsJsonAsync("/api/matching/v1/skills:extract", new { text = Cv }, ct), ct);
        var skills = extracted.GetProperty("skills").EnumerateArray().Select(s => s.GetProperty("uri").GetString()!).Distinct().ToList();
        Assert.NotEmpty(skills);

        var created = await gateway.PostAsJsonAsync("/api/matching/v1/workers", new
        {
            displayName = "E2E-werkende (demo)",
            phase = "WORK_PHASE_WORK_TO_WORK",
            skills = skills.Select(uri => new { uri, evidence = "SKILL_EVIDENCE_CONFIRMED" }),
            capacity = new { hoursPerWeek = 36, physicalLoad = "LOAD_LEVEL_HEAVY" },
        }, ct);
        var worker = await BodyAsync(created, ct);
        var matches = await BodyAsync(await gateway.GetAsync($"/api/matching/v1/workers/{worker.GetProperty("id").GetString()}/jobMatches", ct), ct);

        var first = matches.GetProperty("matches")[0];
        Assert.Equal(8, first.GetProperty("explanation").GetProperty("factors").GetArrayLength());
        Assert.NotEmpty(first.GetProperty("explanation").GetProperty("matchedSkills").EnumerateArray());
        Assert.False(string.IsNullOrEmpty(matches.GetProperty("scoringVersion").GetString()));
        Assert.Contains("ESCO", matches.GetProperty("attribution").GetString());
    }

    private static async Task<JsonElement> UntilReadyAsync(Func<Task<HttpResponseMessage>> send, CancellationToken ct)
    {
        while (true)
        {
            using var response = await send();
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                return await BodyAsync(response, ct);
            }

            await Task.Delay(TimeSpan.FromSeconds(5), ct);
        }
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
