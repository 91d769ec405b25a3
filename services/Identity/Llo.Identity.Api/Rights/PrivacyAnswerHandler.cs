using System.Text.Json;
using Llo.Contracts.Events;
using Llo.Identity.Api.Audit;
using Llo.Messaging;
using Llo.Messaging.Audit;

namespace Llo.Identity.Api.Rights;

/// <summary>
/// Records the services' answers. An answer for a request this identity does not know (expired, or made elsewhere) or
/// from a service it does not expect changes nothing; a repeated answer changes nothing either. A recorded answer is
/// audited with identity itself as the actor (an export part is the person's data, now kept here).
/// </summary>
public sealed class PrivacyAnswerHandler(AuditTrail audit, TimeProvider time)
    : IIntegrationEventHandler<PersonalDataExported>, IIntegrationEventHandler<ErasureConfirmed>
{
    public async Task HandleAsync(PersonalDataExported evt, IntegrationEventContext context, CancellationToken ct)
    {
        // Refused before it is stored: the document must stay one valid JSON object (a bad part is dead-lettered).
        using (var part = JsonDocument.Parse(evt.Json))
        {
            if (part.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException("An export part must be a JSON object.");
            }
        }

        await AnswerAsync(TransactionOf(context), new StoredPrivacyAnswer
        {
            RequestId = evt.RequestId, Service = evt.Service, AnsweredAt = StoredTime.Now(time), Part = evt.Json,
        }, ct);
    }

    public Task HandleAsync(ErasureConfirmed evt, IntegrationEventContext context, CancellationToken ct) =>
        AnswerAsync(TransactionOf(context), new StoredPrivacyAnswer
        {
            RequestId = evt.RequestId, Service = evt.Service, AnsweredAt = StoredTime.Now(time), ErasedCount = evt.Count,
        }, ct);

    private async Task AnswerAsync(Npgsql.NpgsqlTransaction tx, StoredPrivacyAnswer answer, CancellationToken ct)
    {
        if (await PrivacyRequestStore.AnswerAsync(tx, answer, ct))
        {
            var subject = await PrivacyRequestStore.SubjectOfAsync(tx, answer.RequestId, ct);
            await audit.RecordAsync(tx, audit.System, IdentityAudit.PrivacyAnswer(answer.RequestId, subject, answer.Service), ct);
        }
    }

    private static Npgsql.NpgsqlTransaction TransactionOf(IntegrationEventContext context) =>
        context.Transaction ?? throw new InvalidOperationException("Identity records privacy answers in its own database.");
}
