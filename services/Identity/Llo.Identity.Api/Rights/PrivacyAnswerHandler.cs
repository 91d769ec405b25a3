using System.Text.Json;
using Llo.Contracts.Events;
using Llo.Messaging;

namespace Llo.Identity.Api.Rights;

/// <summary>
/// Records the services' answers. An answer for a request this identity does not know (expired, or made elsewhere) or
/// from a service it does not expect changes nothing; a repeated answer changes nothing either.
/// </summary>
public sealed class PrivacyAnswerHandler(TimeProvider time)
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

        await PrivacyRequestStore.AnswerAsync(TransactionOf(context), new StoredPrivacyAnswer
        {
            RequestId = evt.RequestId, Service = evt.Service, AnsweredAt = StoredTime.Now(time), Part = evt.Json,
        }, ct);
    }

    public Task HandleAsync(ErasureConfirmed evt, IntegrationEventContext context, CancellationToken ct) =>
        PrivacyRequestStore.AnswerAsync(TransactionOf(context), new StoredPrivacyAnswer
        {
            RequestId = evt.RequestId, Service = evt.Service, AnsweredAt = StoredTime.Now(time), ErasedCount = evt.Count,
        }, ct);

    private static Npgsql.NpgsqlTransaction TransactionOf(IntegrationEventContext context) =>
        context.Transaction ?? throw new InvalidOperationException("Identity records privacy answers in its own database.");
}
