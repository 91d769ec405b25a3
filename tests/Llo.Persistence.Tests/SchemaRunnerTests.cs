using Dapper;
using Llo.Messaging;
using Llo.Persistence;
using Llo.Testing;
using Npgsql;

namespace Llo.Persistence.Tests;

public sealed class SchemaRunnerTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private static SchemaPlan Plan => SchemaPlan.For(typeof(SchemaRunnerTests).Assembly, MessagingSchema.Assembly);

    [Fact]
    public async Task Every_embedded_script_is_journaled_once_with_its_checksum_after_two_runs()
    {
        await SchemaRunner.ApplyAsync(_db.DataSource, Plan.Scripts);
        await SchemaRunner.ApplyAsync(_db.DataSource, Plan.Scripts);

        var journal = (await Journal()).ToList();
        Assert.Equal(Plan.Scripts.Select(s => (s.Name, (string?)s.Checksum)), journal.OrderBy(r => Plan.Scripts.ToList().FindIndex(s => s.Name == r.Name)));
        Assert.Contains(journal, r => r.Name == "Llo.Messaging/001_outbox_inbox.sql");
        Assert.Contains(journal, r => r.Name == "001_gauges.sql");
        Assert.Equal(1, await Scalar("SELECT count(*) FROM pg_indexes WHERE indexname = 'gauges_by_name'"));
    }

    [Fact]
    public async Task Messaging_alone_journals_its_scripts_once_under_the_assembly_name()
    {
        await MessagingSchema.EnsureAsync(_db.DataSource);
        await MessagingSchema.EnsureAsync(_db.DataSource);

        var names = (await Journal()).Select(r => r.Name).ToList();
        Assert.Equal(SchemaScript.Embedded(MessagingSchema.Assembly, qualified: true).Select(s => s.Name), names.Order(StringComparer.Ordinal));
        Assert.All(names, n => Assert.StartsWith("Llo.Messaging/", n, StringComparison.Ordinal));
        Assert.Equal(0, await Scalar("SELECT count(*) FROM messaging_outbox"));
    }

    [Fact]
    public async Task A_script_changed_after_it_was_applied_is_refused_and_nothing_new_runs()
    {
        await SchemaRunner.ApplyAsync(_db.DataSource, Plan.Scripts);
        var changed = Plan.Scripts.Select(s => s.Name == "001_gauges.sql" ? SchemaScript.From(s.Name, s.Sql + "\n-- edited\n") : s)
            .Append(SchemaScript.From("003_later.sql", "CREATE TABLE later (id int);"))
            .ToList();

        var error = await Assert.ThrowsAsync<SchemaChangedException>(() => SchemaRunner.ApplyAsync(_db.DataSource, changed));

        Assert.Equal(["001_gauges.sql"], error.Scripts);
        Assert.Contains("001_gauges.sql", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await Scalar("SELECT count(*) FROM pg_tables WHERE tablename = 'later'"));
        Assert.DoesNotContain(await Journal(), r => r.Name == "003_later.sql");
    }

    [Fact]
    public async Task A_line_ending_change_alone_is_not_a_change()
    {
        Assert.Equal(SchemaScript.From("x.sql", "SELECT 1;\nSELECT 2;\n").Checksum, SchemaScript.From("x.sql", "SELECT 1;\r\nSELECT 2;\r\n").Checksum);
        Assert.NotEqual(SchemaScript.From("x.sql", "SELECT 1;").Checksum, SchemaScript.From("x.sql", "SELECT 2;").Checksum);
    }

    [Fact]
    public async Task Runners_started_together_apply_each_script_once()
    {
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => SchemaRunner.ApplyAsync(_db.DataSource, Plan.Scripts))));

        var journal = await Journal();
        Assert.Equal(Plan.Scripts.Count, journal.Count);
        Assert.Equal(1, await Scalar("SELECT count(*) FROM pg_tables WHERE tablename = 'gauges'"));
    }

    [Fact]
    public async Task A_journal_of_the_old_runner_without_checksums_is_upgraded_in_place()
    {
        // What the runner before the kit left behind: (name, applied_at), the first script applied, messaging tables
        // created outside the journal.
        var old = Plan.Scripts.Single(s => s.Name == "001_gauges.sql");
        await using (var connection = await _db.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
            await using (var apply = new NpgsqlCommand(old.Sql, connection))
                await apply.ExecuteNonQueryAsync();
            await connection.ExecuteAsync("INSERT INTO schema_migrations (name) VALUES ('001_gauges.sql')");
        }

        await MessagingSchema.EnsureAsync(_db.DataSource); // tables existed before; the script must not fail on them
        await SchemaRunner.ApplyAsync(_db.DataSource, Plan.Scripts);

        var journal = await Journal();
        Assert.Equal(Plan.Scripts.Select(s => (s.Name, (string?)s.Checksum)).Order(), journal.Order());
    }

    private async Task<IReadOnlyList<(string Name, string? Checksum)>> Journal()
    {
        await using var connection = await _db.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<(string, string?)>("SELECT name, checksum FROM schema_migrations ORDER BY applied_at, name")).AsList();
    }

    private async Task<long> Scalar(string sql)
    {
        await using var connection = await _db.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}
