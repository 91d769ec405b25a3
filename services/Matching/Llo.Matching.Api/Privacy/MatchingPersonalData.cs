using System.Text.Json.Nodes;
using Llo.Contracts.Events;
using Llo.Matching.Api.Matches;
using Llo.Matching.Api.Workers;
using Llo.Messaging.Privacy;
using Npgsql;

namespace Llo.Matching.Api.Privacy;

/// <summary>
/// What matching holds about a person: the worker twins linked to their account, each with its history, stored matches
/// and match runs. A twin stores no e-mail address (a coach may create one for someone without an account), so only a
/// request that names the person's account finds it; employers' twins describe organisations, not people.
/// </summary>
public sealed class MatchingPersonalData(MatchEngine engine) : IPersonalDataOwner
{
    public const string Service = "matching";

    public async Task<object> ExportAsync(PersonRef person, NpgsqlTransaction tx, CancellationToken ct)
    {
        var workers = new JsonArray();
        foreach (var id in await TwinsOfAsync(person, tx, ct))
        {
            if (await WorkerStore.ExportAsync(tx.Connection!, tx, id, ct) is { } twin)
            {
                workers.Add(JsonNode.Parse(twin));
            }
        }

        return new JsonObject { ["workers"] = workers };
    }

    public async Task<int> EraseAsync(PersonRef person, NpgsqlTransaction tx, CancellationToken ct)
    {
        var count = 0;
        foreach (var id in await TwinsOfAsync(person, tx, ct))
        {
            count += await WorkerStore.EraseAsync(tx, id, ct);
            // Forgotten by the index before the commit: should the commit fail, the request is redelivered and erases
            // again, and until then the twin is only missing from match results, never shown after it is gone.
            engine.RemoveWorker(id);
        }

        return count;
    }

    private static async Task<IReadOnlyList<Guid>> TwinsOfAsync(PersonRef person, NpgsqlTransaction tx, CancellationToken ct) =>
        person.UserId is { } userId ? await WorkerStore.IdsOfUserAsync(tx.Connection!, tx, userId, ct) : [];
}
