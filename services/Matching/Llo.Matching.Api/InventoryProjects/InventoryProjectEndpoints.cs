namespace Llo.Matching.Api.InventoryProjects;

/// <summary>
/// <c>POST /admin/inventory-projects:sync</c>: reads the inventory's project list again, for operators. Outside
/// <c>/api/</c>, so the gateway never forwards it, and left out of the published OpenAPI document.
/// </summary>
public static class InventoryProjectEndpoints
{
    public const string Path = "/admin/inventory-projects:sync";

    public static IEndpointRouteBuilder MapInventoryProjectSync(this IEndpointRouteBuilder endpoints)
    {
        // Anonymous on purpose, like the other /admin/ commands: the dashboard sends no token, and it only reads
        // public project facts again.
        endpoints.MapPost(Path, async (InventoryProjectSync sync, CancellationToken ct) => Results.Ok(new { projects = await sync.SyncAsync(ct) }))
            .ExcludeFromDescription().AllowAnonymous();
        return endpoints;
    }
}
