using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Llo.Messaging;

public static class LloMessagingExtensions
{
    /// <summary>
    /// Integration events over RabbitMQ: the connection named <paramref name="connectionName"/> (Aspire.RabbitMQ.Client),
    /// the topic exchange <c>llo.events</c>, and the consumers added with <see cref="LloMessagingBuilder.AddHandler{TEvent, THandler}"/>.
    /// Call <see cref="LloMessagingBuilder.UseOutbox"/> in a service that publishes.
    /// </summary>
    public static LloMessagingBuilder AddLloMessaging(this IHostApplicationBuilder builder, string connectionName = "messaging")
    {
        builder.AddRabbitMQClient(connectionName);
        builder.Services.AddOptions<LloMessagingOptions>().BindConfiguration(LloMessagingOptions.SectionName);

        var subscriptions = builder.Services.FirstOrDefault(d => d.ServiceType == typeof(Subscriptions))?.ImplementationInstance as Subscriptions;
        if (subscriptions is null)
        {
            subscriptions = new Subscriptions();
            builder.Services.AddSingleton(subscriptions);
        }
        builder.Services.TryAddSingleton<MessagingMetrics>();
        builder.Services.AddHostedService<EventConsumer>();
        return new LloMessagingBuilder(builder.Services, subscriptions);
    }
}
