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
            Task? processing = null;
            Action? completeDeliveries = null;
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
                // Deliveries wait in a local queue (at most the prefetch) for one loop that handles them in batches.
                var deliveries = System.Threading.Channels.Channel.CreateUnbounded<Delivery>(
                    new System.Threading.Channels.UnboundedChannelOptions { SingleReader = true });
                var open = channel;
                processing = ProcessAsync(open, subscription, deliveries.Reader, ct);
                completeDeliveries = () => deliveries.Writer.TryComplete();
                var consumer = new AsyncEventingBasicConsumer(channel);
                consumer.ReceivedAsync += (_, delivery) =>
                {
                    // The body is the client's rented memory, valid only during this callback: keep a copy.
                    deliveries.Writer.TryWrite(new Delivery(delivery.DeliveryTag, delivery.BasicProperties, delivery.Body.ToArray()));
                    return Task.CompletedTask;
                };
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
                completeDeliveries?.Invoke();
                if (processing is not null)
                {
                    try { await processing; }
                    catch (Exception ex) { logger.LogDebug(ex, "The delivery loop of {Queue} ended with an error", subscription.QueueName); }
                }
                if (channel is not null)
                {
                    try { await channel.DisposeAsync(); }
                    catch (Exception ex) { logger.LogDebug(ex, "Closing the channel of {Queue} failed", subscription.QueueName); }
                }
            }
        }
    }

    /// <summary>A delivery as the loop keeps it: the tag, the properties and a copy of the body.</summary>
    private sealed record Delivery(ulong Tag, IReadOnlyBasicProperties Properties, byte[] Body);

    /// <summary>A delivery that passed the checks, waiting for its handler.</summary>
    private sealed record Valid(Delivery Delivery, Envelope Envelope, IntegrationEvent Event);

    private enum Outcome { Pending, Handled, Duplicate, Failed }

    /// <summary>Handles what has arrived, up to the prefetch at a time, until the channel closes.</summary>
    private async Task ProcessAsync(IChannel channel, Subscription subscription, System.Threading.Channels.ChannelReader<Delivery> reader, CancellationToken ct)
    {
        var batch = new List<Delivery>(_options.Prefetch);
        while (await reader.WaitToReadAsync(ct))
        {
            batch.Clear();
            while (batch.Count < _options.Prefetch && reader.TryRead(out var delivery)) batch.Add(delivery);
            var settled = new HashSet<ulong>();
            try
            {
                await HandleBatchAsync(channel, subscription, batch, settled, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Shutting down: the broker redelivers the unacknowledged messages to the next consumer.
                return;
            }
            catch (Exception ex)
            {
                // Whatever went wrong, a message must not sit unacknowledged in a prefetch slot until the channel closes.
                logger.LogError("Unexpected {Error} while handling messages from {Queue}; dead-lettering the unsettled ones",
                    ex.GetType().Name, subscription.QueueName);
                foreach (var delivery in batch.Where(d => !settled.Contains(d.Tag)))
                {
                    await DeadLetterAsync(channel, delivery, subscription.QueueName, delivery.Properties.Type ?? "(none)",
                        delivery.Properties.MessageId ?? "(none)", 0, "an unexpected error");
                }
            }
        }
    }

    /// <summary>
    /// Dead-letters what is not what the subscription expects, then handles the rest in order in one database
    /// transaction (see <see cref="HandleInTransactionsAsync"/>: a handler's failure undoes only its own writes), and
    /// commits once: a commit waits for a disk sync, so one per message would cap a consumer at a few hundred a second.
    /// Only after the commit are the messages acknowledged (all at once when all were handled), and the failed ones sent
    /// to their retry queue.
    /// </summary>
    private async Task HandleBatchAsync(IChannel channel, Subscription subscription, List<Delivery> batch, HashSet<ulong> settled, CancellationToken ct)
    {
        var queue = subscription.QueueName;
        var valid = new List<Valid>(batch.Count);
        foreach (var delivery in batch)
        {
            var envelope = Envelope.TryRead(delivery.Properties, time.GetUtcNow(), out var problem);
            if (envelope is null)
            {
                await DeadLetterAsync(channel, delivery, queue, delivery.Properties.Type ?? "(none)", delivery.Properties.MessageId ?? "(none)", 0, problem);
            }
            else if (envelope.Type != subscription.Event.Type || envelope.Version != subscription.Event.Version)
            {
                await DeadLetterAsync(channel, delivery, queue, envelope.Type, envelope.MessageId.ToString(), 0,
                    $"the subscription takes {subscription.Event.Type} version {subscription.Event.Version} only");
            }
            else if (Deserialize(subscription, delivery.Body) is not { } evt)
            {
                // A body that does not parse will not parse on a retry either.
                await DeadLetterAsync(channel, delivery, queue, envelope.Type, envelope.MessageId.ToString(), envelope.Attempt,
                    "a body that is not a valid event of its type");
            }
            else
            {
                valid.Add(new Valid(delivery, envelope, evt));
                continue;
            }
            settled.Add(delivery.Tag);
        }

        var outcomes = new Outcome[valid.Count];
        var errors = new Exception?[valid.Count];
        if (_inbox is null)
        {
            for (var i = 0; i < valid.Count; i++)
            {
                (outcomes[i], errors[i]) = await RunAsync(subscription, valid[i], null, null, ct);
            }
        }
        else
        {
            await HandleInTransactionsAsync(subscription, valid, outcomes, errors, ct);
        }

        // The usual case, every message of the batch handled: one acknowledgement for all (the batch holds every
        // delivery not settled before, in order, so "multiple" covers exactly these).
        if (valid.Count == batch.Count && outcomes.All(o => o != Outcome.Failed)
            && await TryAsync(() => channel.BasicAckAsync(batch[^1].Tag, multiple: true, ct)))
        {
            for (var i = 0; i < valid.Count; i++)
            {
                if (outcomes[i] == Outcome.Handled) metrics.Handled(queue, valid[i].Envelope.Type);
                else logger.LogDebug("Message {MessageId} was already handled by {Queue}; acknowledging the duplicate", valid[i].Envelope.MessageId, queue);
                settled.Add(valid[i].Delivery.Tag);
            }
            return;
        }

        for (var i = 0; i < valid.Count; i++)
        {
            var (delivery, envelope) = (valid[i].Delivery, valid[i].Envelope);
            if (outcomes[i] == Outcome.Failed)
            {
                await FailAsync(channel, delivery, envelope, queue, errors[i]!, ct);
            }
            else
            {
                await TryAsync(() => channel.BasicAckAsync(delivery.Tag, multiple: false, ct));
                if (outcomes[i] == Outcome.Handled) metrics.Handled(queue, envelope.Type);
                else logger.LogDebug("Message {MessageId} was already handled by {Queue}; acknowledging the duplicate", envelope.MessageId, queue);
            }
            settled.Add(delivery.Tag);
        }
    }

    /// <summary>
    /// Runs the pending messages' handlers in one transaction until it commits: first all together without savepoints
    /// (<see cref="HandleTogetherAsync"/>), and only when a handler failed there, message by message with a savepoint
    /// each. A database that does not answer (to open, claim, set or undo a savepoint, or commit) is not a handler's
    /// failure: the consumer waits for it and runs the batch again, where the inbox turns what did commit into
    /// duplicates. A handler that ends or breaks the transaction fails alone; the batch runs again without it.
    /// With savepoints a message costs one round trip besides its handler's: releasing one message's savepoint opens the
    /// next one's and claims its inbox record in the same trip (<see cref="Inbox.ClaimAsync"/>).
    /// </summary>
    private async Task HandleInTransactionsAsync(Subscription subscription, List<Valid> valid, Outcome[] outcomes, Exception?[] errors, CancellationToken ct)
    {
        var queue = subscription.QueueName;
        var together = true;
        for (var failures = 1; outcomes.Any(o => o == Outcome.Pending);)
        {
            var tentative = (Outcome[])outcomes.Clone();
            var tentativeErrors = (Exception?[])errors.Clone();
            try
            {
                if (together)
                {
                    together = await HandleTogetherAsync(subscription, valid, outcomes, errors, ct);
                    if (failures > 1) logger.LogInformation("Database answers again; consumer of {Queue} resumes", queue);
                    failures = 1;
                    continue;
                }

                await using var connection = await _inbox!.OpenConnectionAsync(ct);
                await using var tx = await connection.BeginTransactionAsync(ct);
                var pending = Enumerable.Range(0, valid.Count).Where(i => outcomes[i] == Outcome.Pending).ToList();
                var savepoint = false; // whether the savepoint "message" exists (it then holds nothing to keep)
                bool? claimedNext = null; // the next message's claim, made while releasing the one before it
                var broken = false;
                for (var p = 0; p < pending.Count && !broken; p++)
                {
                    var i = pending[p];
                    var claimed = claimedNext ?? await Inbox.ClaimAsync(tx, valid[i].Envelope.MessageId, queue, releaseFirst: savepoint, ct);
                    (claimedNext, savepoint) = (null, true);
                    if (!claimed)
                    {
                        tentative[i] = Outcome.Duplicate;
                        continue;
                    }

                    Guid? next = p + 1 < pending.Count ? valid[pending[p + 1]].Envelope.MessageId : null;
                    (tentative[i], tentativeErrors[i]) = await RunAsync(subscription, valid[i], tx, async () =>
                    {
                        claimedNext = await KeepAsync(tx, queue, next, ct);
                        savepoint = next is not null;
                    }, ct);
                    if (tentative[i] == Outcome.Failed && tx.Connection is null)
                    {
                        // The handler ended the transaction: only its own failure is certain; the rest runs again.
                        outcomes[i] = Outcome.Failed;
                        errors[i] = tentativeErrors[i];
                        broken = true;
                    }
                    else if (tentative[i] == Outcome.Failed)
                    {
                        // Undoes its writes and its inbox record; the savepoint stays, empty.
                        await ExecuteAsync(tx, "ROLLBACK TO SAVEPOINT message", ct);
                        (claimedNext, savepoint) = (null, true);
                    }
                }

                if (broken) continue;
                await tx.CommitAsync(ct);
                Array.Copy(tentative, outcomes, outcomes.Length);
                Array.Copy(tentativeErrors, errors, errors.Length);
                if (failures > 1) logger.LogInformation("Database answers again; consumer of {Queue} resumes", queue);
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException && !ct.IsCancellationRequested)
            {
                var delay = Backoff.Delay(failures++, _options.RetryDelay, _options.MaxRetryDelay);
                logger.LogWarning("Database unavailable while handling messages from {Queue} ({Error}); not counted as an attempt, waiting {Delay}",
                    queue, ex.GetType().Name, delay);
                await Task.Delay(delay, ct);
            }
        }
    }

    /// <summary>
    /// The fast path: reads which pending messages were already handled, runs the others' handlers one after the other
    /// in one transaction without savepoints, records them all in the inbox in one statement (which also fails when a
    /// handler aborted the transaction) and commits: three round trips for the batch besides the handlers' own, where a
    /// savepoint each costs one per message. Returns true when that committed (the outcomes are set).
    /// When a handler failed, ended or broke the transaction, it rolls back and returns false: the message whose failure
    /// is certain is marked Failed (it goes to its retry queue without running again), and the caller handles the rest
    /// with a savepoint each, which runs the handlers before it a second time (their first run left no write behind;
    /// like a redelivery, which handlers must tolerate anyway).
    /// </summary>
    private async Task<bool> HandleTogetherAsync(Subscription subscription, List<Valid> valid, Outcome[] outcomes, Exception?[] errors, CancellationToken ct)
    {
        var queue = subscription.QueueName;
        await using var connection = await _inbox!.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var pending = Enumerable.Range(0, valid.Count).Where(i => outcomes[i] == Outcome.Pending).ToList();
        var seen = await Inbox.HandledAsync(tx, pending.Select(i => valid[i].Envelope.MessageId).ToList(), queue, ct);
        var tentative = (Outcome[])outcomes.Clone();
        var ran = new List<int>(pending.Count);
        foreach (var i in pending)
        {
            // Handled before, or a second copy in this batch.
            if (!seen.Add(valid[i].Envelope.MessageId))
            {
                tentative[i] = Outcome.Duplicate;
                continue;
            }
            ran.Add(i);
            var (outcome, error) = await RunAsync(subscription, valid[i], tx, null, ct);
            if (outcome == Outcome.Handled && tx.Connection is not null)
            {
                tentative[i] = Outcome.Handled;
                continue;
            }
            // The database went away under the handler (a connection error, not one the server answered): an outage,
            // not the handler's attempt. A handler that closed the connection itself fails below like any other.
            if (error is NpgsqlException and not PostgresException && connection.FullState != System.Data.ConnectionState.Open)
                throw new NpgsqlException("The connection broke while a handler ran.", error);
            // A database error about an aborted transaction comes from an earlier handler that swallowed its own error:
            // then nobody's failure is certain, and the savepoints find out whose it is.
            var abortedBefore = error is PostgresException { SqlState: PostgresErrorCodes.InFailedSqlTransaction } && ran.Count > 1;
            if (!abortedBefore)
            {
                outcomes[i] = Outcome.Failed;
                errors[i] = error ?? Misuse(queue, "committed, rolled back or disposed the messaging transaction");
            }
            return false;
        }

        var handled = ran.Select(i => valid[i].Envelope.MessageId).ToList();
        try
        {
            if (handled.Count > 0 && !await Inbox.RecordAsync(tx, handled, queue, ct)) return false; // a concurrent copy won
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InFailedSqlTransaction)
        {
            // A COMMIT now would roll back without an error and ack unrecorded messages. With one handler it is known.
            if (ran.Count == 1)
            {
                outcomes[ran[0]] = Outcome.Failed;
                errors[ran[0]] = Misuse(queue, "caught a database error inside the messaging transaction, which PostgreSQL has aborted");
            }
            return false;
        }
        await tx.CommitAsync(ct);
        Array.Copy(tentative, outcomes, outcomes.Length);
        return true;
    }

    private HandlerMisuseException Misuse(string queue, string problem)
    {
        logger.LogError("The handler of {Queue} {Problem}; the message is not acknowledged as handled", queue, problem);
        return new HandlerMisuseException($"The handler of {queue} {problem}.");
    }

    /// <summary>
    /// Runs the handler of one message (in <paramref name="tx"/> when there is one) inside its span, then
    /// <paramref name="keep"/> (which keeps its writes); Failed with the error when either throws.
    /// </summary>
    private async Task<(Outcome, Exception?)> RunAsync(Subscription subscription, Valid message, NpgsqlTransaction? tx, Func<Task>? keep, CancellationToken ct)
    {
        var (queue, envelope) = (subscription.QueueName, message.Envelope);
        ActivityContext.TryParse(envelope.TraceParent, null, out var parent);
        using var activity = MessagingMetrics.ActivitySource.StartActivity($"{queue} process", ActivityKind.Consumer, parent);
        activity?.SetTag("messaging.system", "rabbitmq");
        activity?.SetTag("messaging.destination.name", queue);
        activity?.SetTag("messaging.message.id", envelope.MessageId.ToString());
        activity?.SetTag("llo.event.type", envelope.Type);
        activity?.SetTag("llo.attempt", envelope.Attempt);

        var context = new IntegrationEventContext(envelope.MessageId, envelope.Type, envelope.Version, envelope.OccurredAt, envelope.Attempt)
        {
            AggregateId = envelope.AggregateId,
            AggregateVersion = envelope.AggregateVersion,
            Transaction = tx,
        };
        try
        {
            await DispatchAsync(subscription, message.Event, context, ct);
            if (keep is not null) await keep();
            return (Outcome.Handled, null);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            return (Outcome.Failed, ex);
        }
    }

    /// <summary>
    /// Keeps the handler's writes (releases its savepoint; with a <paramref name="next"/> message, opens its savepoint
    /// and claims it in the same round trip, returning the claim), refusing when the handler ended the transaction
    /// itself or swallowed a database error in it: a COMMIT of a failed PostgreSQL transaction rolls back without an
    /// error, which would ack an unrecorded message.
    /// </summary>
    private async Task<bool?> KeepAsync(NpgsqlTransaction tx, string queue, Guid? next, CancellationToken ct)
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
                if (next is { } id) return await Inbox.ClaimAsync(tx, id, queue, releaseFirst: true, ct);
                await ExecuteAsync(tx, "RELEASE SAVEPOINT message", ct);
                return null;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InFailedSqlTransaction)
            {
                problem = "caught a database error inside the messaging transaction, which PostgreSQL has aborted";
            }
        }
        throw Misuse(queue, problem);
    }

    /// <summary>A handler that broke the messaging transaction's rules: its own failure, not the database's.</summary>
    private sealed class HandlerMisuseException(string message) : Exception(message);

    private static async Task ExecuteAsync(NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, tx.Connection, tx);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static IntegrationEvent? Deserialize(Subscription subscription, byte[] body)
    {
        try
        {
            return (IntegrationEvent?)JsonSerializer.Deserialize(body, subscription.EventClrType, StrictJson);
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

    private async Task FailAsync(IChannel channel, Delivery delivery, Envelope envelope, string queue, Exception error, CancellationToken ct)
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
            await channel.BasicPublishAsync("", retryQueue, mandatory: true, properties, delivery.Body, ct);
            await channel.BasicAckAsync(delivery.Tag, multiple: false, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // Could not park it for a retry: hand it back to the queue rather than lose it.
            logger.LogWarning("Scheduling a retry of message {MessageId} from {Queue} failed ({Error}); requeueing it",
                envelope.MessageId, queue, ex.GetType().Name);
            await TryAsync(() => channel.BasicNackAsync(delivery.Tag, multiple: false, requeue: true, ct));
        }
    }

    /// <summary>Rejects without requeue: the queue's dead-letter exchange <c>llo.dead</c> moves it to <c>Q.dead</c>.</summary>
    private async Task DeadLetterAsync(
        IChannel channel, Delivery delivery, string queue, string type, string messageId, int attempts, string reason)
    {
        if (!await TryAsync(() => channel.BasicNackAsync(delivery.Tag, multiple: false, requeue: false))) return;
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
