using Llo.Contracts.Events;
using Llo.Finance.Domain.Applications;
using Llo.Messaging;
using Npgsql;

namespace Llo.Finance.Api.Events;

/// <summary>Publishes <see cref="FundingApplicationDecided"/> in the move's transaction when the step is a funders' decision.</summary>
public static class FundingApplicationDecisions
{
    /// <summary>A grant (in full, in part, or a part grant made full) or a rejection; submitting or withdrawing is the programme's own step.</summary>
    public static bool IsDecision(FundingApplicationStatus status) =>
        ApplicationWorkflow.IsGranted(status) || status == FundingApplicationStatus.Rejected;

    public static async Task PublishIfDecidedAsync(NpgsqlTransaction tx, FundingApplication moved, long version, CancellationToken ct)
    {
        if (!IsDecision(moved.Status))
        {
            return;
        }

        var granted = moved.Granted is { } amounts && ApplicationWorkflow.IsGranted(moved.Status)
            ? amounts.Entries.ToDictionary(a => a.Key, a => Domain.Money.Euros.ToCents(a.Value))
            : new Dictionary<int, long>();
        await Outbox.EnqueueAsync(tx,
            new FundingApplicationDecided(moved.Id, version, moved.Status.ToString(), moved.Funders, granted, moved.IncomeLineId),
            moved.Id, version, ct);
    }
}
