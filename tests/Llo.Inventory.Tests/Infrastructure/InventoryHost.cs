using Llo.Hosting.Access;
using Llo.Inventory.Api;
using Llo.Testing;
using Microsoft.AspNetCore.Builder;

namespace Llo.Inventory.Tests.Infrastructure;

/// <summary>
/// The real inventory service on loopback ports with its own fresh database; demo seeding off unless a test turns it on.
/// <see cref="ServiceTestHost.Json"/> and <see cref="ServiceTestHost.Grpc"/> act as a programme manager of demo
/// organisation 1, who may do everything; the access tests make their own callers with <see cref="As"/>.
/// </summary>
public class InventoryHost : ServiceTestHost
{
    public InventoryHost() : base("inventory-db") => Settings["Inventory:SeedDemoData"] = "false";

    protected override TestToken? DefaultToken => User(TestOrganisations.One, LloRoles.ProgrammeManager);

    /// <summary>A user's token for the inventory.</summary>
    public static TestToken User(Guid organisation, params string[] roles) => TestToken.User("inventory", organisation, roles);

    /// <summary>A partner system's token for the inventory.</summary>
    public static TestToken Client(Guid organisation, params string[] scopes) =>
        TestToken.Client("inventory", "partner-" + organisation.ToString("N")[..8], organisation, scopes);

    /// <summary>A JSON client for <paramref name="token"/> (null: anonymous).</summary>
    public HttpClient As(TestToken? token) => JsonAs(token);

    protected override WebApplication Build(string[] args) => InventoryApp.Build(args);
}
