namespace Llo.Inventory.Tests.Infrastructure;

/// <summary>The inventory as a newcomer starts it: with the demo data seeded.</summary>
public sealed class SeededInventoryHost : InventoryHost
{
    public SeededInventoryHost() => Settings["Inventory:SeedDemoData"] = "true";
}
