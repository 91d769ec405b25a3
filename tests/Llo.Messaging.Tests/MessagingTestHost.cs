using Microsoft.Extensions.Configuration;
using Llo.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Llo.Messaging.Tests;

/// <summary>A generic host with Llo messaging wired to the test broker and a test database, as a service would have it.</summary>
public static class MessagingTestHost
{
    public static async Task<IHost> StartAsync(
        NpgsqlDataSource database, Received received, Action<LloMessagingBuilder> configure, CapturedLogs? logs = null,
        IDictionary<string, string?>? settings = null, bool useOutbox = true)
    {
        var host = Build(database, received, configure, logs, settings, useOutbox);
        await host.StartAsync();
        return host;
    }

    /// <summary>The host of <see cref="StartAsync"/>, not started yet; <paramref name="settings"/> override the test defaults.</summary>
    public static IHost Build(
        NpgsqlDataSource database, Received received, Action<LloMessagingBuilder> configure, CapturedLogs? logs = null,
        IDictionary<string, string?>? settings = null, bool useOutbox = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:messaging"] = TestServers.RabbitMq,
            // Short delays so retries and relaying take moments, not minutes.
            ["Llo:Messaging:RelayPollInterval"] = "00:00:00.100",
            ["Llo:Messaging:RetryDelay"] = "00:00:00.100",
            ["Llo:Messaging:MaxRetryDelay"] = "00:00:00.400",
            ["Llo:Messaging:MaxDeliveryAttempts"] = "3",
            ["Llo:Messaging:RelayStandbyInterval"] = "00:00:00.200",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        if (logs is not null) builder.Logging.AddProvider(logs);
        builder.Services.AddSingleton(received);
        // As Aspire.Npgsql does in a service; handlers under test use it to look at the database from outside.
        builder.Services.AddSingleton(database);

        var messaging = builder.AddLloMessaging();
        configure(useOutbox ? messaging.UseOutbox(_ => database) : messaging);
        return builder.Build();
    }

    public static string UniqueQueue(string name) => $"test.{name}.{Guid.NewGuid():N}";
}
