using Grpc.Core;
using Llo.Hosting.Errors;

namespace Llo.Inventory.Api.Seed;

/// <summary>
/// <c>POST /admin/demo-data:reseed</c>: runs the idempotent demo seeder again, for operators (the Aspire dashboard's
/// "Demo-data opnieuw laden"). Outside <c>/api/</c>, so the gateway never forwards it, and left out of the published
/// OpenAPI document. With demo data switched off it refuses rather than seeds: FailedPrecondition (400), the state
/// of this environment does not allow it.
/// </summary>
public static class DemoDataEndpoint
{
    public const string Path = "/admin/demo-data:reseed";

    public static IEndpointRouteBuilder MapDemoDataReseed(this IEndpointRouteBuilder endpoints)
    {
        // Anonymous on purpose: the dashboard's command sends no token, and the gateway never forwards /admin/.
        endpoints.MapPost(Path, ReseedAsync).ExcludeFromDescription().AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> ReseedAsync(DemoSeeder seeder, CancellationToken ct)
    {
        if (!seeder.Enabled)
        {
            return ApiError.Result(ApiError.Of(StatusCode.FailedPrecondition,
                $"Demo-data staat uit: deze omgeving laadt geen demo-data ({DemoSeeder.SettingName} = false)."));
        }

        var result = await seeder.RunAsync(ct);
        return Results.Ok(new { insertedProjects = result.Projects, insertedAgendaItems = result.AgendaItems });
    }
}
