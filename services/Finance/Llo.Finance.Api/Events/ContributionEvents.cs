using Llo.Contracts.Events;
using Llo.Finance.Api.Contributions;
using Llo.Messaging;
using Npgsql;

namespace Llo.Finance.Api.Events;

/// <summary>Publishes <see cref="PartnerContributionChanged"/> in the transaction that stores the contribution.</summary>
public static class ContributionEvents
{
    public const string Recorded = "Recorded";
    public const string Changed = "Changed";
    public const string Confirmed = "Confirmed";

    public static Task PublishAsync(NpgsqlTransaction tx, StoredContribution contribution, string change, IReadOnlyList<string> changedFields, CancellationToken ct) =>
        Outbox.EnqueueAsync(tx,
            new PartnerContributionChanged(contribution.Id, contribution.Version, change, contribution.OrganisationId, contribution.Category,
                contribution.Year, contribution.CommittedCents, contribution.InvoicedCents, contribution.PaidCents, contribution.ConfirmedAt is not null,
                changedFields),
            contribution.Id, contribution.Version, ct);
}
