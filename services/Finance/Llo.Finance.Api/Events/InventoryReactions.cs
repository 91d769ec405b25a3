using Llo.Contracts.Events;
using Llo.Messaging;

namespace Llo.Finance.Api.Events;

/// <summary>
/// The inventory's events finance reacts to, each on its own queue. The queue names start with the setting
/// <c>Finance:QueuePrefix</c> (default "finance", the prefix the service's broker login may use): tests give each
/// hosted service a prefix of its own, so a test's event reaches that service and not another test's.
/// </summary>
public static class InventoryReactions
{
    public const string QueuePrefixSetting = "Finance:QueuePrefix";

    public static LloMessagingBuilder AddInventoryReactions(this LloMessagingBuilder messaging, IConfiguration configuration)
    {
        var prefix = configuration[QueuePrefixSetting] is { Length: > 0 } configured ? configured : "finance";
        return messaging
            .AddHandler<ProjectRegistered, ProjectRegisteredHandler>($"{prefix}.project-registered")
            .AddHandler<ScalingDecided, ScalingDecidedHandler>($"{prefix}.scaling-decided");
    }
}
