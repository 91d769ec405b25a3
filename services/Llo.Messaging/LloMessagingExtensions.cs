using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Llo.Messaging;

public static class LloMessagingExtensions
{
    /// <summary>
    /// Integration events over RabbitMQ: the connection named <paramref name="connectionName"/> (Aspire.RabbitMQ.Client),
    /// the topic exchange <c>llo.events</c>, and the consumers added with <see cref="LloMessagingBuilder.AddHandler{TEvent, THandler}"/>.
    /// Call <see cref="LloMessagingBuilder.UseOutbox"/> in a service that publishes.
    /// Also registers the health check "messaging", housekeeping of outbox and inbox, the dead-letter gauge and the
    /// operator endpoints of <see cref="DeadLetters"/>.
    /// </summary>
    public static LloMessagingBuilder AddLloMessaging(this IHostApplicationBuilder builder, string connectionName = "messaging")
    {
        builder.AddRabbitMQClient(connectionName);
        builder.Services.AddOptions<LloMessagingOptions>().BindConfiguration(LloMessagingOptions.SectionName);

        var subscriptions = builder.Services.FirstOrDefault(d => d.ServiceType == typeof(Subscriptions))?.ImplementationInstance as Subscriptions;
        if (subscriptions is not null) return new LloMessagingBuilder(builder.Services, subscriptions) { Configuration = builder.Configuration };

        subscriptions = new Subscriptions();
        builder.Services.AddSingleton(subscriptions);
        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<MessagingMetrics>();
        builder.Services.TryAddSingleton<MessagingHealth>();
        builder.Services.TryAddSingleton(sp => new DeadLetters(sp, sp.GetRequiredService<Subscriptions>(),
            sp.GetRequiredService<MessagingMetrics>(), sp.GetRequiredService<ILogger<DeadLetters>>()));
        builder.Services.AddHealthChecks().AddCheck<MessagingHealth>("messaging");
        builder.Services.AddHostedService<OutboxWithoutRelayCheck>();
        builder.Services.AddHostedService<EventConsumer>();
        builder.Services.AddHostedService<DeadLetterMonitor>();
        builder.Services.AddHostedService<MessagingHousekeeping>();
        builder.Services.AddTransient<IStartupFilter, DeadLetterEndpoints>();
        return new LloMessagingBuilder(builder.Services, subscriptions) { Configuration = builder.Configuration };
    }
}
