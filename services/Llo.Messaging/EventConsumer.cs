using System.Diagnostics;
using System.Text.Json;
using Llo.Contracts.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Llo.Messaging;

/// <summary>
/// Runs one consumer per subscription (manual ack, prefetch). A handled message is acknowledged after the handler's
/// writes and its inbox record committed in one transaction; a failed one is re-published to the retry queue of its
/// delay with the next <c>llo-attempt</c>, and after the last attempt rejected so the broker dead-letters it to
/// <c>Q.dead</c>. A message that is not what the subscription expects (type, version, headers, body) is dead-lettered
/// at once. A database that does not answer is not the handler's failure: the consumer waits for it.
/// It is never acknowledged unhandled.
/// </summary>
internal sealed class EventConsumer(
    IServiceProvider services,
    Subscriptions subscriptions,
    MessagingMetrics metrics,
    MessagingHealth health,
    TimeProvider time,
    IOptions<LloMessagingOptions> options,
    ILogger<EventConsumer> logger) : BackgroundService
{
    private readonly LloMessagingOptions _options = options.Value;

    // Reading is stricter than writing: a body without a required field or with null for a non-nullable one is refused.
    private static readonly JsonSerializerOptions StrictJson = new(Outbox.Json)
    {
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    // The inbox lives in the service's database: the outbox one, or else any NpgsqlDataSource the service registered.
    private readonly NpgsqlDataSource? _inbox =
        services.GetService<MessagingDatabase>()?.DataSource ?? services.GetService<NpgsqlDataSource>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (subscriptions.Count == 0) return;
        var duplicate = subscriptions.GroupBy(s => s.QueueName).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Queue '{duplicate.Key}' has more than one handler; give each handler its own queue.");
        if (_inbox is null)
            logger.LogWarning("No database for the messaging inbox: handlers must tolerate a redelivered message themselves");

        await Task.WhenAll(subscriptions.Select(s => ConsumeAsync(s, stoppingToken)));
    }

    /// <summary>Keeps one subscription consuming: (re)opens its channel whenever it closes for good.</summary>
    private async Task ConsumeAsync(Subscription subscription, CancellationToken ct)
    {
        var failures = 0;
        var schemaReady = _inbox is null;
        // Not ready until the queue is consumed: a service whose queue cannot be declared reports unhealthy.
        health.Consuming(subscription.QueueName, false);
        while (!ct.IsCancellationRequested)
        {
            IChannel? channel = null;
            try
            {
                if (!schemaReady)
                {
                    await MessagingSchema.EnsureAsync(_inbox!, ct);
                    schemaReady = true;
                }
                var connection = services.GetRequiredService<IConnection>();
                await RabbitMqTopology.DeclareSubscriptionAsync(
                    connection, subscription.QueueName, subscription.Event.Type, _options, logger, ct);
                channel = await connection.CreateChannelAsync(
                    new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
                await channel.BasicQosAsync(0, _options.Prefetch, global: false, ct);

                // A lost connection is recovered by the client together with this channel and its consumer; only a
                // channel closed while the connection stays up (a channel error) needs a new one from here.
                var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                channel.ChannelShutdownAsync += (_, args) =>
                {
                    if (connection.IsOpen && args.Initiator != ShutdownInitiator.Application) closed.TrySetResult();
                    return Task.CompletedTask;
                };
                var consumer = new AsyncEventingBasicConsumer(channel);
                var open = channel;
                consumer.ReceivedAsync += (_, delivery) => HandleDeliveryAsync(open, subscription, delivery, ct);
                // The broker cancels the consumer when someone deletes the queue: declare it again and go on consuming.
                consumer.UnregisteredAsync += (_, _) =>
                {
                    closed.TrySetResult();
                    return Task.CompletedTask;
                };
                await channel.BasicConsumeAsync(subscription.QueueName, autoAck: false, consumer, ct);
                failures = 0;
                health.Consuming(subscription.QueueName, true);

                await closed.Task.WaitAsync(ct);
                health.Consuming(subscription.QueueName, false);
                logger.LogWarning("Consumer of queue {Queue} stopped (channel closed or queue deleted); declaring and consuming again",
                    subscription.QueueName);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                health.Consuming(subscription.QueueName, false);
                failures++;
                var delay = Backoff.Delay(failures, _options.RetryDelay, _options.MaxRetryDelay);
                logger.LogWarning("Consumer for queue {Queue} could not start ({Error}: {Reason}); retrying in {Delay}",
                    subscription.QueueName, ex.GetType().Name, ex.Message, delay);
                try { await Task.Delay(delay, ct); }
                catch (OperationCanceledException) { break; }
            }
            finally
            {
                if (channel is not null)
                {
                    try { await channel.DisposeAsync(); }
                    catch (Exception ex) { logger.LogDebug(ex, "Closing the channel of {Queue} failed", subscription.QueueName); }
                }
            }
        }
    }

    private async Task HandleDeliveryAsync(IChannel channel, Subscription subscription, BasicDeliverEventArgs delivery, CancellationToken ct)
    {
        try
        {
            await HandleDeliveryCoreAsync(channel, subscription, delivery, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // Whatever went wrong, the message must not sit unacknowledged in a prefetch slot until the channel closes.
            logger.LogError("Unexpected {Error} while handling a message from {Queue}; dead-lettering it", ex.GetType().Name, subscription.QueueName);
            await DeadLetterAsync(channel, delivery, subscription.QueueName, delivery.BasicProperties.Type ?? "(none)",
                delivery.BasicProperties.MessageId ?? "(none)", 0, "an unexpected error");
        }
    }

    private async Task HandleDeliveryCoreAsync(IChannel channel, Subscription subscription, BasicDeliverEventArgs delivery, CancellationToken ct)
    {
        var queue = subscription.QueueName;
        var envelope = Envelope.TryRead(delivery.BasicProperties, time.GetUtcNow(), out var problem);
        if (envelope is null)
        {
            await DeadLetterAsync(channel, delivery, queue, delivery.BasicProperties.Type ?? "(none)", delivery.BasicProperties.MessageId ?? "(none)", 0, problem);
            return;
        }
        if (envelope.Type != subscription.Event.Type || envelope.Version != subscription.Event.Version)
        {
            await DeadLetterAsync(channel, delivery, queue, envelope.Type, envelope.MessageId.ToString(), 0,
                $"the subscription takes {subscription.Event.Type} version {subscription.Event.Version} only");
            return;
        }

        ActivityContext.TryParse(envelope.TraceParent, null, out var parent);
        using var activity = MessagingMetrics.ActivitySource.StartActivity($"{queue} process", ActivityKind.Consumer, parent);
        activity?.SetTag("messaging.system", "rabbitmq");
        activity?.SetTag("messaging.destination.name", queue);
        activity?.SetTag("messaging.message.id", envelope.MessageId.ToString());
        activity?.SetTag("llo.event.type", envelope.Type);
        activity?.SetTag("llo.attempt", envelope.Attempt);

        if (Deserialize(subscription, delivery.Body) is not { } evt)
        {
            // A body that does not parse will not parse on a retry either.
            activity?.SetStatus(ActivityStatusCode.Error, nameof(JsonException));
            await DeadLetterAsync(channel, delivery, queue, envelope.Type, envelope.MessageId.ToString(), envelope.Attempt,
                "a body that is not a valid event of its type");
            return;
        }

        try
        {
            var handled = await HandleAsync(subscription, envelope, evt, ct);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, ct);
            if (handled) metrics.Handled(queue, envelope.Type);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: the broker redelivers the unacknowledged message to the next consumer.
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            await FailAsync(channel, delivery, envelope, queue, ex, ct);
        }
    }

    /// <summary>
    /// Runs the handler once per message id: false when the inbox says it was already done. The inbox claim and the
    /// handler's writes through <see cref="IntegrationEventContext.Transaction"/> share one transaction, so "handled"
    /// and "recorded" commit together; if the handler throws, disposing the uncommitted transaction rolls both back
    /// before the caller schedules the retry.
    /// </summary>
    private async Task<bool> HandleAsync(Subscription subscription, Envelope envelope, IntegrationEvent evt, CancellationToken ct)
    {
        var context = new IntegrationEventContext(envelope.MessageId, envelope.Type, envelope.Version, envelope.OccurredAt, envelope.Attempt)
        {
            AggregateId = envelope.AggregateId,
            AggregateVersion = envelope.AggregateVersion,
        };

        if (_inbox is null)
        {
            await DispatchAsync(subscription, evt, context, ct);
            return true;
        }

        var (connection, tx, claimed) = await ClaimWhenTheDatabaseAnswersAsync(envelope.MessageId, subscription.QueueName, ct);
        await using (connection)
        await using (tx)
        {
            if (!claimed)
            {
                logger.LogDebug("Message {MessageId} was already handled by {Queue}; acknowledging the duplicate",
                    envelope.MessageId, subscription.QueueName);
                return false;
            }
            await DispatchAsync(subscription, evt, context with { Transaction = tx }, ct);
            await EnsureStillOpenAsync(tx, subscription.QueueName, ct);
            await tx.CommitAsync(ct);
            return true;
        }
    }

    /// <summary>
    /// Opens the inbox transaction and claims the message, waiting (with backoff) for as long as the database does not
    /// answer: an outage before the handler runs is no attempt of the handler, so it must not bring the message closer
    /// to the dead-letter queue. Holding this delivery pauses the consumer, whose other prefetched messages wait too.
    /// </summary>
    private async Task<(NpgsqlConnection Connection, NpgsqlTransaction Transaction, bool Claimed)> ClaimWhenTheDatabaseAnswersAsync(
        Guid messageId, string queue, CancellationToken ct)
    {
        for (var failures = 1; ; failures++)
        {
            NpgsqlConnection? connection = null;
            try
            {
                connection = await _inbox!.OpenConnectionAsync(ct);
                var tx = await connection.BeginTransactionAsync(ct);
                var claimed = await Inbox.TryClaimAsync(tx, messageId, queue, ct);
                if (failures > 1) logger.LogInformation("Database answers again; consumer of {Queue} resumes", queue);
                return (connection, tx, claimed);
            }
            catch (NpgsqlException ex) when (!ct.IsCancellationRequested)
            {
                if (connection is not null) await connection.DisposeAsync();
                var delay = Backoff.Delay(failures, _options.RetryDelay, _options.MaxRetryDelay);
                logger.LogWarning("Database unavailable before handling a message from {Queue} ({Error}); not counted as an attempt, waiting {Delay}",
                    queue, ex.GetType().Name, delay);
                await Task.Delay(delay, ct);
            }
        }
    }

    /// <summary>
    /// Refuses to acknowledge when the handler ended the transaction itself or swallowed a database error in it: a
    /// COMMIT of a failed PostgreSQL transaction rolls back without an error, which would ack an unrecorded message.
    /// </summary>
    private async Task EnsureStillOpenAsync(NpgsqlTransaction tx, string queue, CancellationToken ct)
    {
        string? problem = null;
        if (tx.Connection is null)
        {
            problem = "committed, rolled back or disposed the messaging transaction";
        }
        else
        {
            try
            {
                await using var probe = new NpgsqlCommand("SELECT 1", tx.Connection, tx);
                await probe.ExecuteScalarAsync(ct);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InFailedSqlTransaction)
            {
                problem = "caught a database error inside the messaging transaction, which PostgreSQL has aborted";
            }
        }
        if (problem is null) return;
        logger.LogError("The handler of {Queue} {Problem}; the message is not acknowledged as handled", queue, problem);
        throw new InvalidOperationException($"The handler of {queue} {problem}.");
    }

    private static IntegrationEvent? Deserialize(Subscription subscription, ReadOnlyMemory<byte> body)
    {
        try
        {
            return (IntegrationEvent?)JsonSerializer.Deserialize(body.Span, subscription.EventClrType, StrictJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task DispatchAsync(Subscription subscription, IntegrationEvent evt, IntegrationEventContext context, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        await subscription.Dispatch(scope.ServiceProvider, evt, context, ct);
    }

    private async Task FailAsync(IChannel channel, BasicDeliverEventArgs delivery, Envelope envelope, string queue, Exception error, CancellationToken ct)
    {
        // Exception messages may quote event data, so only the exception type is logged.
        if (envelope.Attempt >= _options.MaxDeliveryAttempts)
        {
            await DeadLetterAsync(channel, delivery, queue, envelope.Type, envelope.MessageId.ToString(), envelope.Attempt,
                $"its last attempt failed ({error.GetType().Name})");
            return;
        }

        var delay = Backoff.Delay(envelope.Attempt, _options.RetryDelay, _options.MaxRetryDelay);
        var retryQueue = RabbitMqTopology.RetryQueue(queue, delay);
        logger.LogInformation("Handling {EventType} message {MessageId} from {Queue} failed ({Error}), attempt {Attempt} of {MaxAttempts}; retrying in {Delay}",
            envelope.Type, envelope.MessageId, queue, error.GetType().Name, envelope.Attempt, _options.MaxDeliveryAttempts, delay);
        try
        {
            // The copy waits in the retry queue of its delay until the queue's TTL expires and the broker dead-letters it back to Q.
            var properties = (envelope with { Attempt = envelope.Attempt + 1 }).ToProperties();
            await channel.BasicPublishAsync("", retryQueue, mandatory: true, properties, delivery.Body.ToArray(), ct);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // Could not park it for a retry: hand it back to the queue rather than lose it.
            logger.LogWarning("Scheduling a retry of message {MessageId} from {Queue} failed ({Error}); requeueing it",
                envelope.MessageId, queue, ex.GetType().Name);
            await TryAsync(() => channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true, ct));
        }
    }

    /// <summary>Rejects without requeue: the queue's dead-letter exchange <c>llo.dead</c> moves it to <c>Q.dead</c>.</summary>
    private async Task DeadLetterAsync(
        IChannel channel, BasicDeliverEventArgs delivery, string queue, string type, string messageId, int attempts, string reason)
    {
        if (!await TryAsync(() => channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: false))) return;
        // Type and id come from the sender's headers: cut them short so a hostile header cannot flood the log.
        logger.LogWarning("Dead-lettered {EventType} message {MessageId} from {Queue} to {DeadQueue} after {Attempts} attempts: {Reason}",
            Short(type), Short(messageId), queue, RabbitMqTopology.DeadQueue(queue), attempts, reason);
        metrics.DeadLettered(queue, type);
    }

    private static string Short(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private async Task<bool> TryAsync(Func<ValueTask> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (Exception ex)
        {
            logger.LogWarning("Acknowledgement failed ({Error}); the broker will redeliver", ex.GetType().Name);
            return false;
        }
    }
}
