using System.Net;
using System.Text.Json;
using Dapper;
using Llo.Identity.Api.Audit;
using Llo.Messaging.Audit;
using Llo.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Llo.Identity.Tests.Audit;

/// <summary>
/// The hash-chained audit log: entries from the outbox arrive once, a change or a removal of a past entry is found by
/// verification at its sequence number, the database refuses changes, and retention keeps the chain verifiable.
/// Each test that tampers puts the row back, so the class's chain is intact between tests.
/// </summary>
public sealed class AuditChainTests(IdentityHost host) : IClassFixture<IdentityHost>
{
    private const string PrivacyOfficer = "privacy-officer@demo1.llo.test";

    [Fact]
    public async Task An_entry_recorded_through_the_outbox_is_appended_to_the_chain_and_found_by_its_subject()
    {
        var subject = Guid.NewGuid().ToString("D");
        var actor = Guid.NewGuid();
        var entryId = await AuditTestSupport.RecordAsync(host,
            new AuditEntry(AuditActions.Read, "user", subject, [subject], new Dictionary<string, string> { ["page"] = "1" }),
            AuditTestSupport.User(actor, TestOrganisations.Two));
        var sequence = await AuditTestSupport.SequenceOfAsync(host, entryId);
        using var officer = await AuditTestSupport.AsAsync(host, PrivacyOfficer);

        var found = await IdentityHost.SuccessAsync(await officer.GetAsync($"/api/identity/v1/auditEntries?subjectId={subject}"));
        var verified = await IdentityHost.SuccessAsync(await officer.GetAsync("/api/identity/v1/auditEntries:verify"));

        var entry = Assert.Single(found.GetProperty("auditEntries").EnumerateArray());
        Assert.Equal(sequence.ToString(), entry.GetProperty("sequence").ToString().Trim('"'));
        Assert.Equal(entryId.ToString("D"), entry.GetProperty("entryId").GetString());
        Assert.Equal("identity", entry.GetProperty("service").GetString());
        Assert.Equal(actor.ToString("D"), entry.GetProperty("actor").GetString());
        Assert.Equal(TestOrganisations.Two.ToString("D"), entry.GetProperty("actorOrganisationId").GetString());
        Assert.Equal("read", entry.GetProperty("action").GetString());
        Assert.Equal([subject], entry.GetProperty("subjectIds").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("1", entry.GetProperty("details").GetProperty("page").GetString());
        Assert.Equal(64, entry.GetProperty("hash").GetString()!.Length);
        Assert.True(verified.GetProperty("intact").GetBoolean(), verified.ToString());
    }

    [Fact]
    public async Task Changing_a_field_of_a_past_entry_is_found_by_verification_at_its_sequence_number()
    {
        var (_, middle, _) = await ThreeEntriesAsync();
        await using var intruder = await AuditTestSupport.IntruderAsync(host);
        var original = await intruder.ExecuteScalarAsync<string>("SELECT action FROM audit_entries WHERE sequence = @middle", new { middle });
        await intruder.ExecuteAsync("UPDATE audit_entries SET action = 'delete' WHERE sequence = @middle", new { middle });
        try
        {
            var verdict = await VerifyAsync();

            Assert.False(verdict.GetProperty("intact").GetBoolean());
            Assert.Equal(middle, long.Parse(verdict.GetProperty("brokenSequence").ToString().Trim('"')));
            Assert.Equal("changed", verdict.GetProperty("problem").GetString());
        }
        finally
        {
            await intruder.ExecuteAsync("UPDATE audit_entries SET action = @original WHERE sequence = @middle", new { original, middle });
        }

        Assert.True((await VerifyAsync()).GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task A_changed_entry_given_a_fresh_hash_is_found_at_the_next_one_which_names_the_old_hash()
    {
        var (_, middle, _) = await ThreeEntriesAsync();
        await using var intruder = await AuditTestSupport.IntruderAsync(host);
        var stored = (await AuditLog.ChainAsync(intruder, null, middle - 1, 2, CancellationToken.None)).ToList();
        var forged = stored[0] with { Action = AuditActions.Delete };
        var forgedHash = AuditChain.Hash(forged, forged.PreviousHash);
        await intruder.ExecuteAsync("UPDATE audit_entries SET action = 'delete', hash = @forgedHash WHERE sequence = @middle", new { forgedHash, middle });
        try
        {
            var verdict = await VerifyAsync();

            Assert.False(verdict.GetProperty("intact").GetBoolean());
            Assert.Equal(stored[1].Sequence, long.Parse(verdict.GetProperty("brokenSequence").ToString().Trim('"')));
            Assert.Equal("relinked", verdict.GetProperty("problem").GetString());
        }
        finally
        {
            await intruder.ExecuteAsync("UPDATE audit_entries SET action = @Action, hash = @Hash WHERE sequence = @Sequence",
                new { stored[0].Action, stored[0].Hash, stored[0].Sequence });
        }

        Assert.True((await VerifyAsync()).GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task Removing_a_middle_entry_is_found_by_verification_as_its_sequence_number_missing()
    {
        var (_, middle, _) = await ThreeEntriesAsync();
        await using var intruder = await AuditTestSupport.IntruderAsync(host);
        var saved = "saved_" + Guid.NewGuid().ToString("N")[..8];
        await intruder.ExecuteAsync($"CREATE TABLE {saved} AS SELECT * FROM audit_entries WHERE sequence = @middle", new { middle });
        await intruder.ExecuteAsync("DELETE FROM audit_entries WHERE sequence = @middle", new { middle });
        try
        {
            var verdict = await VerifyAsync();

            Assert.False(verdict.GetProperty("intact").GetBoolean());
            Assert.Equal(middle, long.Parse(verdict.GetProperty("brokenSequence").ToString().Trim('"')));
            Assert.Equal("missing", verdict.GetProperty("problem").GetString());
        }
        finally
        {
            await intruder.ExecuteAsync($"INSERT INTO audit_entries SELECT * FROM {saved}; DROP TABLE {saved}");
        }

        Assert.True((await VerifyAsync()).GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task An_entry_delivered_twice_under_two_message_ids_is_appended_once()
    {
        var trail = host.Services.GetRequiredService<AuditTrail>();
        var subject = Guid.NewGuid().ToString("D");
        var recorded = trail.Describe(AuditTestSupport.User(Guid.NewGuid(), TestOrganisations.One),
            new AuditEntry(AuditActions.Update, "user", subject, [subject]));
        await using (var connection = await host.Database.DataSource.OpenConnectionAsync())
        {
            await using var tx = await connection.BeginTransactionAsync();
            await Llo.Messaging.Outbox.EnqueueAsync(tx, recorded);
            await Llo.Messaging.Outbox.EnqueueAsync(tx, recorded);
            await tx.CommitAsync();
        }

        await AuditTestSupport.SequenceOfAsync(host, recorded.EntryId);
        await WaitAsync("SELECT count(*) FROM messaging_outbox o JOIN messaging_inbox i ON i.message_id = o.id AND i.consumer LIKE 'identity.audit%' " +
            "WHERE o.payload->>'entryId' = @id", recorded.EntryId.ToString("D"), 2);
        await using var check = await host.Database.DataSource.OpenConnectionAsync();

        Assert.Equal(1, await check.ExecuteScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE entry_id = @id", new { id = recorded.EntryId }));
        Assert.True((await VerifyAsync()).GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task The_service_login_cannot_change_or_delete_an_entry_nor_delete_one_younger_than_six_months()
    {
        var (first, _, _) = await ThreeEntriesAsync();
        await using var connection = await host.Database.DataSource.OpenConnectionAsync();

        var update = await Assert.ThrowsAsync<PostgresException>(() =>
            connection.ExecuteAsync("UPDATE audit_entries SET action = 'delete' WHERE sequence = @first", new { first }));
        var delete = await Assert.ThrowsAsync<PostgresException>(() =>
            connection.ExecuteAsync("DELETE FROM audit_entries WHERE sequence = @first", new { first }));
        await using var tx = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SELECT set_config('llo.audit_retention_before', (now() - interval '10 days')::text, true)", transaction: tx);
        var tooYoung = await Assert.ThrowsAsync<PostgresException>(() =>
            connection.ExecuteAsync("DELETE FROM audit_entries WHERE sequence = @first", new { first }, tx));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, update.SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, delete.SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, tooYoung.SqlState);
    }

    [Fact]
    public async Task Retention_deletes_entries_past_the_period_from_the_start_of_the_chain_and_the_rest_still_verifies()
    {
        var (_, middle, last) = await ThreeEntriesAsync();
        await using (var intruder = await AuditTestSupport.IntruderAsync(host))
        {
            // Only the entries up to the middle one are made old; they go, so their broken hashes no longer count.
            await intruder.ExecuteAsync("UPDATE audit_entries SET recorded_at = recorded_at - interval '500 days' WHERE sequence <= @middle", new { middle });
        }

        var deleted = await host.Services.GetRequiredService<AuditRetention>().RunOnceAsync(CancellationToken.None);
        var later = await AuditTestSupport.SequenceOfAsync(host, await AuditTestSupport.RecordAsync(host,
            new AuditEntry(AuditActions.Read, "user", null, [Guid.NewGuid().ToString("D")])));
        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        var anchor = await connection.ExecuteScalarAsync<long>("SELECT anchor_sequence FROM audit_chain");
        var remaining = await connection.ExecuteScalarAsync<long>("SELECT min(sequence) FROM audit_entries");
        var verdict = await VerifyAsync();

        Assert.Equal(middle, anchor);
        Assert.True(deleted >= 2);
        Assert.Equal(middle + 1, remaining);
        Assert.True(later > last);
        Assert.True(verdict.GetProperty("intact").GetBoolean(), verdict.ToString());
        Assert.Equal(middle + 1, long.Parse(verdict.GetProperty("firstSequence").ToString().Trim('"')));
    }

    [Fact]
    public async Task Only_a_privacy_officer_reads_the_log_a_worker_gets_403_and_anonymous_401()
    {
        using var worker = await AuditTestSupport.AsAsync(host, "worker@demo1.llo.test");
        using var manager = await AuditTestSupport.AsAsync(host, "programme-manager@demo1.llo.test");

        using var anonymous = await host.Json.GetAsync("/api/identity/v1/auditEntries");
        using var workerList = await worker.GetAsync("/api/identity/v1/auditEntries");
        using var workerVerify = await worker.GetAsync("/api/identity/v1/auditEntries:verify");
        using var managerList = await manager.GetAsync("/api/identity/v1/auditEntries");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, workerList.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, workerVerify.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, managerList.StatusCode);
    }

    [Fact]
    public async Task Bad_filters_get_400_naming_each_field_in_Dutch()
    {
        using var officer = await AuditTestSupport.AsAsync(host, PrivacyOfficer);

        using var bad = await officer.GetAsync("/api/identity/v1/auditEntries?subjectId=iemand%40example.nl&organisationId=x&action=kijken&from=gisteren");
        var body = await IdentityHost.BodyAsync(bad);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["action", "from", "organisationId", "subjectId"],
            body.GetProperty("details")[0].GetProperty("fieldViolations").EnumerateArray().Select(v => v.GetProperty("field").GetString()).Order());
    }

    private async Task<(long First, long Middle, long Last)> ThreeEntriesAsync()
    {
        var sequences = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var subject = Guid.NewGuid().ToString("D");
            sequences.Add(await AuditTestSupport.SequenceOfAsync(host,
                await AuditTestSupport.RecordAsync(host, new AuditEntry(AuditActions.Read, "user", subject, [subject]))));
        }

        // Verification must see a chain where the middle one has a successor.
        return (sequences[0], sequences[1], sequences[2]);
    }

    private async Task<JsonElement> VerifyAsync()
    {
        using var officer = await AuditTestSupport.AsAsync(host, PrivacyOfficer);
        return await IdentityHost.SuccessAsync(await officer.GetAsync("/api/identity/v1/auditEntries:verify"));
    }

    private async Task WaitAsync(string sql, string id, long expected)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        while (await connection.ExecuteScalarAsync<long>(sql, new { id }) < expected)
        {
            Assert.True(DateTime.UtcNow < deadline, "The second delivery was not handled within a minute.");
            await Task.Delay(100);
        }
    }
}
