namespace Llo.Messaging;

/// <summary>Tuning of the relay and the consumers; bound from configuration section <c>Llo:Messaging</c>.</summary>
public sealed class LloMessagingOptions
{
    public const string SectionName = "Llo:Messaging";

    /// <summary>How often the relay looks for unsent outbox rows when it found none.</summary>
    public TimeSpan RelayPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How many outbox rows the relay takes per round.</summary>
    public int RelayBatchSize { get; set; } = 100;

    /// <summary>First delay after a failure (relay or handler); doubled per further failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap of the exponential backoff.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Attempts a handler gets for one message before it goes to the dead-letter queue.</summary>
    public int MaxDeliveryAttempts { get; set; } = 5;

    /// <summary>
    /// Unacknowledged messages a consumer holds at once; also the largest batch handled in one database transaction.
    /// </summary>
    public ushort Prefetch { get; set; } = 50;

    /// <summary>
    /// The quorum queue's own limit on redeliveries of one message (after crashes or closed channels, not handler
    /// retries, which go through the retry queues): the last guard against a message that kills its consumer.
    /// </summary>
    public int BrokerDeliveryLimit { get; set; } = 20;

    /// <summary>Publish attempts of one outbox row before the relay parks it and goes on with the rows after it.</summary>
    public int RelayMaxAttempts { get; set; } = 10;

    /// <summary>How often a standby relay checks whether the active one (another instance) has gone.</summary>
    public TimeSpan RelayStandbyInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long sent outbox rows and inbox ids are kept before housekeeping deletes them.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often housekeeping runs.</summary>
    public TimeSpan HousekeepingInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the dead-letter gauge asks the broker for the depth of each dead-letter queue.</summary>
    public TimeSpan DeadLetterPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Rows housekeeping deletes per statement, so it never holds long locks.</summary>
    public int HousekeepingBatchSize { get; set; } = 1000;
}
