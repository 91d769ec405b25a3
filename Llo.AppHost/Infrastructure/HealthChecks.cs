using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using RabbitMQ.Client;

namespace Llo.AppHost.Infrastructure;

/// <summary>Healthy once a connection to the database opens: the server is up and the database exists.</summary>
internal sealed class PostgresConnectCheck(string connectionString) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, ex.Message);
        }
    }
}

/// <summary>Healthy once an AMQP connection opens: the broker has finished booting.</summary>
internal sealed class AmqpConnectCheck(string uri) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var factory = new ConnectionFactory
            {
                Uri = new Uri(uri),
                RequestedConnectionTimeout = TimeSpan.FromSeconds(3),
                AutomaticRecoveryEnabled = false,
                ClientProvidedName = "llo-apphost-health",
            };
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            await connection.CloseAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, ex.Message);
        }
    }
}
