using Llo.Inventory.Api;
using Llo.Testing;
using Microsoft.AspNetCore.Builder;

namespace Llo.Inventory.Tests.Infrastructure;

/// <summary>The real inventory service on loopback ports with its own fresh database; demo seeding off unless a test turns it on.</summary>
public class InventoryHost : ServiceTestHost
{
    public InventoryHost() : base("inventory-db") => Settings["Inventory:SeedDemoData"] = "false";

    protected override WebApplication Build(string[] args) => InventoryApp.Build(args);
}
