using Llo.Inventory.Api;
using Llo.Inventory.Tests.Infrastructure;
using Llo.Messaging;
using Llo.Persistence;

namespace Llo.Inventory.Tests.Persistence;

public sealed class SchemaJournalTests(InventoryHost host) : IClassFixture<InventoryHost>
{
    [Fact]
    public async Task Every_embedded_schema_script_of_the_inventory_and_of_messaging_is_journaled_once_with_its_checksum()
    {
        var plan = SchemaPlan.For(typeof(InventoryApp).Assembly, MessagingSchema.Assembly);
        // The host applied the plan on start; a second run (another instance starting) must add nothing.
        await SchemaRunner.ApplyAsync(host.Database.DataSource, plan.Scripts);
        await MessagingSchema.EnsureAsync(host.Database.DataSource);

        var journal = new List<(string Name, string Checksum)>();
        await using (var command = host.Database.DataSource.CreateCommand("SELECT name, checksum FROM schema_migrations ORDER BY name"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                journal.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        Assert.Equal(plan.Scripts.Select(s => (s.Name, s.Checksum)).OrderBy(s => s.Name, StringComparer.Ordinal), journal.OrderBy(s => s.Name, StringComparer.Ordinal));
        Assert.Contains(journal, j => j.Name == "001_projects.sql");
        Assert.Contains(journal, j => j.Name == "104_agenda_versions.sql");
        Assert.Contains(journal, j => j.Name.StartsWith("Llo.Messaging/001_", StringComparison.Ordinal));
    }
}
