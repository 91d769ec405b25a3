using Dapper;
using Llo.Identity.Api.Audit;
using Llo.Messaging.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Llo.Identity.Tests.Audit;

/// <summary>An identity host whose audit chain is witnessed in a file of its own; the tests write the witness themselves.</summary>
public sealed class WitnessedIdentityHost : IdentityHost
{
    public WitnessedIdentityHost()
    {
        WitnessPath = Path.Combine(Path.GetTempPath(), $"llo-audit-witness-{Guid.NewGuid():N}", "head.log");
        Settings["Identity:Audit:WitnessPath"] = WitnessPath;
        Settings["Identity:Audit:WitnessInterval"] = "01:00:00";
    }

    public string WitnessPath { get; }

    public AuditWitness Witness => Services.GetRequiredService<AuditWitness>();

    public async Task<AuditVerdict> VerifyAsync(bool withWitness = true) =>
        await AuditVerification.VerifyAsync(Database.DataSource, withWitness ? await Witness.ReadAsync(CancellationToken.None) : [], CancellationToken.None);

    /// <summary>Three entries in the chain; their sequence numbers.</summary>
    public async Task<long[]> ThreeEntriesAsync()
    {
        var sequences = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var subject = Guid.NewGuid().ToString("D");
            sequences.Add(await AuditTestSupport.SequenceOfAsync(this, await AuditTestSupport.RecordAsync(this, new AuditEntry(AuditActions.Read, "user", subject, [subject]))));
        }

        return [.. sequences];
    }
}

/// <summary>
/// Someone who can write identity's database rewrites the chain from an entry on with fresh hashes: the chain still
/// proves itself, but not against the head witnessed outside the database.
/// </summary>
public sealed class AuditWitnessRewriteTests(WitnessedIdentityHost host) : IClassFixture<WitnessedIdentityHost>
{
    [Fact]
    public async Task A_chain_rewritten_with_fresh_hashes_is_intact_in_the_database_but_broken_against_the_witness()
    {
        var sequences = await host.ThreeEntriesAsync();
        var witnessed = await host.Witness.WitnessOnceAsync(CancellationToken.None);
        var before = await host.VerifyAsync();

        await using (var intruder = await AuditTestSupport.IntruderAsync(host))
        await using (var tx = await intruder.BeginTransactionAsync())
        {
            // Under the head's lock, as an append takes it: change the middle entry, then rehash it and everything after.
            var head = await AuditLog.LockHeadAsync(tx, CancellationToken.None);
            var chain = await AuditLog.ChainAsync(intruder, tx, sequences[1] - 1, int.MaxValue, CancellationToken.None);
            var previous = chain[0].PreviousHash;
            foreach (var stored in chain)
            {
                var entry = stored.Sequence == sequences[1] ? stored with { Action = AuditActions.Delete } : stored;
                var hash = AuditChain.Hash(entry with { PreviousHash = previous }, previous);
                await intruder.ExecuteAsync("UPDATE audit_entries SET action = @Action, previous_hash = @previous, hash = @hash WHERE sequence = @Sequence",
                    new { entry.Action, previous, hash, entry.Sequence }, tx);
                previous = hash;
            }

            await intruder.ExecuteAsync("UPDATE audit_chain SET last_hash = @previous WHERE id = 1", new { previous }, tx);
            Assert.Equal(head.LastSequence, chain[^1].Sequence);
            await tx.CommitAsync();
        }

        var inDatabaseOnly = await host.VerifyAsync(withWitness: false);
        var againstWitness = await host.VerifyAsync();

        Assert.True(witnessed >= sequences[2]);
        Assert.True(before.Intact, before.Message);
        Assert.Equal(witnessed, before.WitnessedSequence);
        Assert.True(inDatabaseOnly.Intact, "The rewrite must be one the chain alone cannot see: " + inDatabaseOnly.Message);
        Assert.False(againstWitness.Intact);
        Assert.Equal("witness", againstWitness.Problem);
        Assert.Equal(witnessed, againstWitness.BrokenSequence);
    }
}

/// <summary>Cutting off the chain's end, head and all, leaves a chain that proves itself but ends before a witnessed head.</summary>
public sealed class AuditWitnessTruncationTests(WitnessedIdentityHost host) : IClassFixture<WitnessedIdentityHost>
{
    [Fact]
    public async Task Removing_the_newest_entries_and_moving_the_head_back_is_found_against_the_witness()
    {
        var sequences = await host.ThreeEntriesAsync();
        var witnessed = await host.Witness.WitnessOnceAsync(CancellationToken.None);
        var lines = await File.ReadAllLinesAsync(host.WitnessPath);

        await using (var intruder = await AuditTestSupport.IntruderAsync(host))
        await using (var tx = await intruder.BeginTransactionAsync())
        {
            await AuditLog.LockHeadAsync(tx, CancellationToken.None);
            var keep = sequences[0];
            var hash = await intruder.ExecuteScalarAsync<byte[]>("SELECT hash FROM audit_entries WHERE sequence = @keep", new { keep }, tx);
            await intruder.ExecuteAsync("DELETE FROM audit_entries WHERE sequence > @keep", new { keep }, tx);
            await intruder.ExecuteAsync("UPDATE audit_chain SET last_sequence = @keep, last_hash = @hash WHERE id = 1", new { keep, hash }, tx);
            await tx.CommitAsync();
        }

        var inDatabaseOnly = await host.VerifyAsync(withWitness: false);
        var againstWitness = await host.VerifyAsync();

        Assert.StartsWith($"{witnessed} ", Assert.Single(lines));
        Assert.True(inDatabaseOnly.Intact, inDatabaseOnly.Message);
        Assert.False(againstWitness.Intact);
        Assert.Equal("witness", againstWitness.Problem);
        // Entries of other test hosts may arrive after the cut and continue the shortened chain.
        Assert.InRange(againstWitness.BrokenSequence, sequences[0] + 1, witnessed);
    }
}
