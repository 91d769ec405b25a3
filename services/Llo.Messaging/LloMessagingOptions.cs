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

    /// <summary>Unacknowledged messages a consumer holds at once.</summary>
    public ushort Prefetch { get; set; } = 16;
}
