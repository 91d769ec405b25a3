using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Llo.Gateway;

/// <summary>
/// The public <c>/health</c>: only the overall status (<c>{"status":"Healthy"}</c>, 503 when unhealthy), evaluated at
/// most once per <see cref="GatewayOptions.HealthCacheDuration"/> however many clients ask, so nobody can make the
/// gateway hammer the services' health endpoints. Which service is unhealthy and why (texts that can carry an
/// exception message) never leave the process: they are logged when they change, for the dashboard.
/// </summary>
public sealed class PublicHealth(HealthCheckService checks, TimeProvider time, GatewayOptions options, ILogger<PublicHealth> logger)
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private HealthStatus _status;
    private long _evaluatedAt = long.MinValue;
    private string? _lastDetails;

    public async Task WriteAsync(HttpContext context)
    {
        var status = await StatusAsync(context.RequestAborted);
        context.Response.StatusCode = status == HealthStatus.Unhealthy
            ? StatusCodes.Status503ServiceUnavailable
            : StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", status.ToString());
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    private async Task<HealthStatus> StatusAsync(CancellationToken aborted)
    {
        if (Fresh()) return _status;
        // One evaluation at a time: callers arriving meanwhile wait for it and take its answer. A caller who gives up
        // cancels only its own evaluation; the next waiter then evaluates.
        await _refresh.WaitAsync(aborted);
        try
        {
            if (Fresh()) return _status;
            var report = await checks.CheckHealthAsync(aborted);
            LogWhenChanged(report);
            _status = report.Status;
            Volatile.Write(ref _evaluatedAt, time.GetTimestamp());
            return _status;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private bool Fresh()
    {
        var evaluatedAt = Volatile.Read(ref _evaluatedAt);
        return evaluatedAt != long.MinValue && time.GetElapsedTime(evaluatedAt) < options.HealthCacheDuration;
    }

    private void LogWhenChanged(HealthReport report)
    {
        var details = string.Join("; ", report.Entries
            .Where(entry => entry.Value.Status != HealthStatus.Healthy)
            .Select(entry => $"{entry.Key}: {entry.Value.Status} ({entry.Value.Description})"));
        if (details == _lastDetails) return;
        _lastDetails = details;
        if (report.Status == HealthStatus.Healthy)
            logger.LogInformation("Gateway health is Healthy again");
        else
            logger.LogWarning("Gateway health is {Status}: {Details}", report.Status, details);
    }
}
