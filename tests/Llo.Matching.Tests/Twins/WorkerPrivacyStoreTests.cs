using System.Text.Json;
using Llo.Matching.Api.Matches;
using Llo.Matching.Api.Workers;
using Llo.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Llo.Matching.Tests.Twins.TwinRequests;

namespace Llo.Matching.Tests.Twins;

/// <summary>
/// The store methods the privacy blocks (export and erasure, built elsewhere) plug into: one worker's data as one JSON
/// document, and its erasure with history, matches and runs, after which the index no longer offers the worker.
/// </summary>
public sealed class WorkerPrivacyStoreTests(MatchingHost host) : IClassFixture<MatchingHost>
{
    [Fact]
    public async Task A_workers_data_exports_as_one_document_and_erasure_removes_twin_history_matches_and_index_entry()
    {
        var (coach, account) = (Guid.NewGuid(), Guid.NewGuid());
        var hr = host.JsonAs(Hr(TestOrganisations.One));
        var employer = await PostAsync(hr, "/employers", Employer("Privacy BV", "hospitality", "Schiedam"));
        var job = await PostAsync(hr, $"/employers/{employer.Id()}/jobs", Job("kok", "Schiedam"));
        var worker = await PostAsync(host.JsonAs(Coach(coach)), "/workers", Worker(Essential("kok").Take(5), userId: account.ToString()));
        var id = Guid.Parse(worker.Id());
        await GetAsync(host.JsonAs(Coach(coach)), $"/workers/{id}/jobMatches");

        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        Assert.Equal([id], await WorkerStore.IdsOfUserAsync(connection, null, account, CancellationToken.None));
        using var export = JsonDocument.Parse((await WorkerStore.ExportAsync(connection, null, id, CancellationToken.None))!);
        Assert.Equal("Testwerkende", export.RootElement.GetProperty("fields").GetProperty("displayName").GetString());
        Assert.Equal(1, export.RootElement.GetProperty("history").GetArrayLength());
        Assert.Equal(job.Id(), export.RootElement.GetProperty("matches")[0].GetProperty("jobId").GetString());

        await using (var tx = await connection.BeginTransactionAsync())
        {
            Assert.True(await WorkerStore.EraseAsync(tx, id, CancellationToken.None) >= 4); // twin, history, match, run
            await tx.CommitAsync();
        }

        host.Services.GetRequiredService<MatchEngine>().RemoveWorker(id);
        Assert.Null(await WorkerStore.ExportAsync(connection, null, id, CancellationToken.None));
        var candidates = await GetAsync(host.JsonAs(Manager()), $"/jobs/{job.Id()}/candidates");
        Assert.DoesNotContain(candidates.GetProperty("candidates").EnumerateArray(), c => c.GetProperty("workerId").GetString() == id.ToString());
    }
}
