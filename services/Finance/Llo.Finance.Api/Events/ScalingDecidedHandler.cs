using Llo.Contracts.Events;
using Llo.Messaging;

namespace Llo.Finance.Api.Events;

/// <summary>
/// A pilot the board decided to scale up becomes a candidate expense line for the next budget version, with the
/// inventory's estimate of its yearly cost. Declined and deferred proposals change nothing. An estimate that is not a
/// sensible amount is left out (the line is still a candidate) rather than failing the message into the dead letters.
/// </summary>
public sealed class ScalingDecidedHandler(TimeProvider time, ILogger<ScalingDecidedHandler> logger) : IIntegrationEventHandler<ScalingDecided>
{
    public const string ScaleUp = "Approved";

    public async Task HandleAsync(ScalingDecided evt, IntegrationEventContext context, CancellationToken ct)
    {
        if (evt.Decision != ScaleUp)
        {
            return;
        }

        long? cents = evt.EstimatedYearlyCosts is { } euros && euros >= 0 && euros < 1_000_000_000m
            ? (long)Math.Round(euros * 100m, MidpointRounding.AwayFromZero)
            : null;
        if (evt.EstimatedYearlyCosts is not null && cents is null)
        {
            logger.LogWarning("Scaling proposal {ProposalId}: the estimate is out of range and is left out of the candidate line", evt.ProposalId);
        }

        await CandidateExpenseLineStore.AddAsync(context.Transaction!, evt.ProposalId, evt.ProjectId, evt.DecidedOn, cents, StoredTime.Now(time), ct);
    }
}
