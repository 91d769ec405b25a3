using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Llo.Messaging;

/// <summary>
/// Operator endpoints on the service's own port, for the dashboard command and <c>./llo redrive</c>:
/// <c>GET /admin/messaging/dead-letters</c> (messages per dead-letter queue) and
/// <c>POST /admin/messaging/dead-letters:redrive</c> (move them back). The gateway forwards only <c>/api/…</c>, so they
/// are not public. Added as a startup filter, so a service needs no line of its own for them.
/// </summary>
internal sealed class DeadLetterEndpoints : IStartupFilter
{
    public const string Path = "/admin/messaging/dead-letters";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            var request = context.Request;
            var deadLetters = context.RequestServices.GetRequiredService<DeadLetters>();
            if (HttpMethods.IsGet(request.Method) && request.Path == Path)
                await WriteAsync(context, await deadLetters.CountAsync(context.RequestAborted));
            else if (HttpMethods.IsPost(request.Method) && request.Path == Path + ":redrive")
                await WriteAsync(context, await deadLetters.RedriveAsync(context.RequestAborted));
            else
                await nextMiddleware(context);
        });
        next(app);
    };

    private static Task WriteAsync(HttpContext context, IReadOnlyDictionary<string, long> perQueue) =>
        context.Response.WriteAsJsonAsync(perQueue, JsonSerializerOptions.Web, context.RequestAborted);
}
