using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Http.Resilience;

namespace Llo.Gateway;

/// <summary>
/// The gateway is as healthy as the services behind it: one check per configured service calls that
/// service's <c>/health</c> through service discovery with a short timeout. <c>/health</c> answers only the overall
/// status (<see cref="PublicHealth"/>: the gateway is public, the details are logged for the dashboard); <c>/alive</c>
/// only says the gateway process itself runs. These replace ServiceDefaults' <c>MapDefaultEndpoints</c>.
/// </summary>
public static class ServiceHealthChecks
{
    private const string ClientName = "service-health";

    public static WebApplicationBuilder AddServiceHealthChecks(this WebApplicationBuilder builder)
    {
        var options = GatewayOptions.From(builder.Configuration);
        // A probe must answer fast and tell the truth: no retries, no circuit breaker in between.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental.
        builder.Services.AddHttpClient(ClientName).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<PublicHealth>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        var checks = builder.Services.AddHealthChecks();
        foreach (var service in options.Services)
        {
            // No registration timeout: the check keeps its own, so it can tell "the service is slow" (Unhealthy)
            // from "the caller hung up" (cancelled, nothing to report).
            checks.Add(new HealthCheckRegistration(
                service,
                sp => new ServiceHealthCheck(sp.GetRequiredService<IHttpClientFactory>(), service, options.HealthCheckTimeout),
                HealthStatus.Unhealthy,
                ["services"]));
        }
        return builder;
    }

    public static WebApplication MapGatewayHealth(this WebApplication app)
    {
        app.MapGet(Extensions.HealthPath, (HttpContext context, PublicHealth health) => health.WriteAsync(context));
        app.MapHealthChecks(Extensions.AlivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") });
        return app;
    }

    public static bool IsProbe(PathString path) =>
        path.Equals(Extensions.HealthPath, StringComparison.OrdinalIgnoreCase)
        || path.Equals(Extensions.AlivePath, StringComparison.OrdinalIgnoreCase);

    private sealed class ServiceHealthCheck(IHttpClientFactory clients, string service, TimeSpan timeout) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                using var client = clients.CreateClient(ClientName);
                using var response = await client.GetAsync(
                    $"http://{service}{Extensions.HealthPath}", HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                return response.IsSuccessStatusCode
                    ? HealthCheckResult.Healthy($"{service} answers {(int)response.StatusCode}")
                    : new HealthCheckResult(context.Registration.FailureStatus, $"{service} answers {(int)response.StatusCode}");
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The probe's caller went away (a client timeout, the app host's first probe at start-up, shutdown):
                // the service was not judged, so nothing is reported, and the framework logs no failed check.
                throw;
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                return new HealthCheckResult(context.Registration.FailureStatus,
                    $"{service} did not answer within {timeout.TotalSeconds:0.#} s");
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or OperationCanceledException)
            {
                // InvalidOperationException: service discovery knows no endpoint for the name.
                return new HealthCheckResult(context.Registration.FailureStatus, $"{service} is unreachable: {ex.Message}");
            }
        }
    }
}
