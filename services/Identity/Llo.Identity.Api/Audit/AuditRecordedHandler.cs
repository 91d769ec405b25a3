using Llo.Contracts.Events;
using Llo.Messaging;

namespace Llo.Identity.Api.Audit;

/// <summary>
/// Appends every service's audit entries to the chain (queue <c>identity.audit</c>), in the consumer's transaction, so
/// an entry and its inbox record commit together; an entry id already in the log is not appended again.
/// </summary>
public sealed class AuditRecordedHandler(TimeProvider time) : IIntegrationEventHandler<AuditRecorded>
{
    public const string Queue = "identity.audit";

    /// <summary>The queue, <c>Identity:Audit:Queue</c> when set: tests give each identity host its own on the shared broker.</summary>
    public static string QueueName(IConfiguration configuration) => configuration["Identity:Audit:Queue"] ?? Queue;

    public Task HandleAsync(AuditRecorded evt, IntegrationEventContext context, CancellationToken ct) =>
        AuditLog.AppendAsync(context.Transaction ?? throw new InvalidOperationException("The audit log needs the identity database."),
            evt, time.GetUtcNow(), ct);
}
