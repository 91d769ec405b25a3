using Llo.Inventory.Api;

InventoryApp.Build(args).Run();
