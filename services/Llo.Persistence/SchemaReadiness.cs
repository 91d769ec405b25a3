using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Llo.Persistence;

/// <summary>Unhealthy until <see cref="SchemaInitializer"/> has applied every script, so nothing routes traffic too early.</summary>
public sealed class SchemaReadiness : IHealthCheck
{
    private volatile bool _ready;

    public void MarkReady() => _ready = true;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_ready
            ? HealthCheckResult.Healthy("Schema toegepast.")
            : HealthCheckResult.Unhealthy("Het databaseschema wordt nog toegepast."));
}
