using Llo.Contracts.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Llo.Messaging;

/// <summary>Returned by <see cref="LloMessagingExtensions.AddLloMessaging"/>: declares handlers and the outbox database.</summary>
public sealed class LloMessagingBuilder
{
    private readonly IServiceCollection _services;
    private readonly Subscriptions _subscriptions;

    internal LloMessagingBuilder(IServiceCollection services, Subscriptions subscriptions)
    {
        _services = services;
        _subscriptions = subscriptions;
    }

    /// <summary>For the kit's own blocks that register more than handlers (Privacy/, Audit/).</summary>
    internal IServiceCollection Services => _services;

    /// <summary>The host's configuration, for the same blocks.</summary>
    internal Microsoft.Extensions.Configuration.IConfiguration? Configuration { get; init; }

    /// <summary>
    /// Consumes <typeparamref name="TEvent"/> from the durable queue <paramref name="queueName"/> (bound to the event's
    /// routing key on <c>llo.events</c>) with <typeparamref name="THandler"/>.
    /// </summary>
    public LloMessagingBuilder AddHandler<TEvent, THandler>(string queueName)
        where TEvent : IntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        _services.TryAddScoped<THandler>();
        _subscriptions.Add(new Subscription(queueName, EventTypeRegistry.Describe(typeof(TEvent)), typeof(TEvent),
            static (services, evt, context, ct) =>
                services.GetRequiredService<THandler>().HandleAsync((TEvent)evt, context, ct)));
        return this;
    }

    /// <summary>
    /// Publishes events written with <see cref="Outbox.EnqueueAsync"/> from this database, and keeps the inbox there.
    /// Without <paramref name="dataSource"/> the <see cref="NpgsqlDataSource"/> registered in DI is used.
    /// </summary>
    public LloMessagingBuilder UseOutbox(Func<IServiceProvider, NpgsqlDataSource>? dataSource = null)
    {
        _services.RemoveAll<MessagingDatabase>();
        _services.AddSingleton(sp => new MessagingDatabase(
            dataSource is null ? sp.GetRequiredService<NpgsqlDataSource>() : dataSource(sp)));
        _services.AddHostedService<OutboxRelay>();
        return this;
    }
}
