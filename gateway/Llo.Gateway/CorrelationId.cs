using System.Diagnostics;

namespace Llo.Gateway;

/// <summary>
/// Every request and response carries <c>X-Correlation-Id</c>: the client's own when it is a sane token,
/// otherwise a new one (the trace id, so logs, traces and the id line up). The services receive it with
/// the forwarded request; the gateway's logs carry it in their scope.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string HeaderName = "X-Correlation-Id";
    private const int MaxLength = 64;

    public async Task InvokeAsync(HttpContext context)
    {
        var given = context.Request.Headers[HeaderName];
        var id = given.Count == 1 && IsSane(given[0]) ? given[0]! : NewId();
        context.Request.Headers[HeaderName] = id;

        // Set at the last moment: the proxy copies the service's response headers first, and an id set
        // earlier would be doubled by a service that echoes it.
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            http.Response.Headers[HeaderName] = http.Request.Headers[HeaderName];
            return Task.CompletedTask;
        }, context);

        Activity.Current?.SetTag("llo.correlation_id", id);
        using (logger.BeginScope(new CorrelationScope(id)))
        {
            await next(context);
        }
    }

    public static bool IsSane(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength) return false;
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) return false;
        }
        return true;
    }

    private static string NewId() =>
        Activity.Current is { } activity ? activity.TraceId.ToHexString() : Guid.NewGuid().ToString("N");

    /// <summary>A log scope with one structured property, cheaper than a dictionary.</summary>
    private sealed class CorrelationScope(string id) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public KeyValuePair<string, object?> this[int index] =>
            index == 0 ? new("CorrelationId", id) : throw new ArgumentOutOfRangeException(nameof(index));

        public int Count => 1;

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return this[0];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"CorrelationId:{id}";
    }
}
