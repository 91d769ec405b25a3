using System.Net.Http.Json;
using System.Text.Json;
using Llo.Hosting.Access;
using Llo.Matching.Domain.Taxonomy;
using Llo.Testing;
using Npgsql;
using static Llo.Matching.Tests.MatchingHost;

namespace Llo.Matching.Tests.Twins;

/// <summary>Twins as a JSON caller writes them, on the demo taxonomy's ESCO URIs, and the callers the tests act as.</summary>
public static class TwinRequests
{
    public static readonly SkillTaxonomy Demo = DemoTaxonomy.Load();

    public static Occupation Occupation(string dutchLabel) => Demo.FindOccupationsByDutchName(dutchLabel)[0];

    public static string[] Essential(string occupation) => Occupation(occupation).EssentialSkills.Select(s => Demo.Skills[s].Uri).ToArray();

    public static string Label(string uri) => Demo.FindSkill(uri)!.Label;

    public static TestToken Manager(Guid? org = null) => User(org ?? TestOrganisations.One, LloRoles.ProgrammeManager);

    public static TestToken Coach(Guid userId) => User(TestOrganisations.One, LloRoles.Coach) with { Subject = userId.ToString() };

    public static TestToken WorkerUser(Guid userId) => User(TestOrganisations.One, LloRoles.Worker) with { Subject = userId.ToString() };

    public static TestToken Hr(Guid org) => User(org, LloRoles.HrManager);

    /// <summary>A twin with the given skills (all claimed, level 3), 32 hours, moderate loads.</summary>
    public static object Worker(IEnumerable<string> skills, int hours = 32, string coachUserId = "", string userId = "", string municipality = "", string[]? sectors = null,
        string[]? occupations = null) => new
    {
        displayName = "Testwerkende",
        phase = "WORK_PHASE_WORK_TO_WORK",
        skills = skills.Select(uri => new { uri, level = 3, evidence = "SKILL_EVIDENCE_CLAIMED" }).ToArray(),
        occupationUris = occupations ?? [],
        talents = new[] { "zorgvuldig" },
        careerCompetencies = new { capacityReflection = 3, networking = 2 },
        preferences = new { maxHours = 40, maxTravelMinutes = 30, municipality, sectors = sectors ?? [] },
        capacity = new { hoursPerWeek = hours, physicalLoad = "LOAD_LEVEL_HEAVY", mentalLoad = "LOAD_LEVEL_MODERATE" },
        coachUserId,
        userId,
    };

    public static object Employer(string name, string sector, params string[] locations) => new { name, sector, locations };

    /// <summary>A job of the occupation with its own ESCO skills (the service fills them in), carved into two tasks.</summary>
    public static object Job(string occupation, string municipality, int hours = 32, bool open = true)
    {
        var skills = Essential(occupation);
        return new
        {
            title = $"{occupation} (test)",
            occupationUri = Occupation(occupation).Uri,
            hoursPerWeek = hours,
            physicalLoad = "LOAD_LEVEL_MODERATE",
            mentalLoad = "LOAD_LEVEL_MODERATE",
            municipality,
            open,
            tasks = new[]
            {
                new { title = "Eerste taak", skillUris = skills.Take(3).ToArray(), hoursPerWeek = 16, physicalLoad = "LOAD_LEVEL_LIGHT", mentalLoad = "LOAD_LEVEL_LIGHT" },
                new { title = "Tweede taak", skillUris = skills.Skip(3).Take(3).ToArray(), hoursPerWeek = 12, physicalLoad = "LOAD_LEVEL_LIGHT", mentalLoad = "LOAD_LEVEL_LIGHT" },
            },
        };
    }

    public static async Task<JsonElement> PostAsync(HttpClient client, string path, object body) =>
        await SuccessAsync(await client.PostAsJsonAsync(ApiRoot + path, body));

    public static async Task<JsonElement> GetAsync(HttpClient client, string path) => await SuccessAsync(await client.GetAsync(ApiRoot + path));

    public static Task<HttpResponseMessage> PatchAsync(HttpClient client, string path, object body) =>
        client.PatchAsync(ApiRoot + path, JsonContent.Create(body));

    public static string Id(this JsonElement element) => element.GetProperty("id").GetString()!;

    /// <summary>The events in the outbox for one aggregate, in version order.</summary>
    public static async Task<List<(string Type, long Version)>> OutboxAsync(MatchingHost host, string aggregateId)
    {
        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            "SELECT type, aggregate_version FROM messaging_outbox WHERE aggregate_id = @id ORDER BY aggregate_version, position", connection);
        command.Parameters.AddWithValue("id", aggregateId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, long)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? -1 : reader.GetInt64(1)));
        }

        return rows;
    }
}
