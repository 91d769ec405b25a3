using System.Text.Json;
using Llo.Contracts.Events;
using Llo.Messaging.Audit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Llo.Messaging.Privacy;

/// <summary>
/// Answers identity's requests with the service's <see cref="IPersonalDataOwner"/>: the owner reads or erases in the
/// consumer's transaction and the answer goes into the outbox in that same transaction, so the data's state, the answer
/// and the inbox record commit together. A redelivered request is a duplicate in the inbox and is not answered twice.
/// A service that records audit entries (<see cref="AuditRegistration.UseAudit"/>) records the export or erasure in
/// that transaction too, with itself as the actor (no user asked it).
/// </summary>
internal sealed class PersonalDataRequestHandler<TOwner>(TOwner owner, PersonalDataService service, IServiceProvider services)
    : IIntegrationEventHandler<PersonalDataExportRequested>, IIntegrationEventHandler<ErasureRequested>
    where TOwner : IPersonalDataOwner
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task HandleAsync(PersonalDataExportRequested evt, IntegrationEventContext context, CancellationToken ct)
    {
        var tx = TransactionOf(context);
        var part = await owner.ExportAsync(Normalised(evt.Person), tx, ct);
        var json = JsonSerializer.Serialize(part, part.GetType(), Json);
        await RecordAsync(tx, PrivacyAudit.Answered(AuditActions.Export, evt.RequestId, evt.Person), ct);
        await Outbox.EnqueueAsync(tx, new PersonalDataExported(evt.RequestId, service.Name, json), evt.RequestId.ToString(), 1, ct);
    }

    public async Task HandleAsync(ErasureRequested evt, IntegrationEventContext context, CancellationToken ct)
    {
        var tx = TransactionOf(context);
        var count = await owner.EraseAsync(Normalised(evt.Person), tx, ct);
        await RecordAsync(tx, PrivacyAudit.Answered(AuditActions.Erase, evt.RequestId, evt.Person, count), ct);
        await Outbox.EnqueueAsync(tx, new ErasureConfirmed(evt.RequestId, service.Name, count), evt.RequestId.ToString(), 1, ct);
    }

    private Task RecordAsync(NpgsqlTransaction tx, AuditEntry entry, CancellationToken ct) =>
        services.GetService<AuditTrail>() is { } audit ? audit.RecordAsync(tx, audit.System, entry, ct) : Task.CompletedTask;

    private static NpgsqlTransaction TransactionOf(IntegrationEventContext context) =>
        context.Transaction ?? throw new InvalidOperationException(
            "A personal-data owner needs the service's database: call UseOutbox() on the messaging builder.");

    // The contract says lower-cased; a service's lookup must not depend on every publisher getting that right.
    private static PersonRef Normalised(PersonRef person) => person with
    {
        EmailAddresses = [.. person.EmailAddresses.Select(e => e.Trim().ToLowerInvariant()).Where(e => e.Length > 0).Distinct()],
    };
}

/// <summary>The name a service answers privacy requests under (its app host name), and the prefix of its privacy queues.</summary>
internal sealed record PersonalDataService(string Name);
