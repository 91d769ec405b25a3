using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Llo.Contracts.Events;
using Llo.Hosting.Access;
using Llo.Identity.Api.Access;
using Llo.Identity.Api.Accounts;
using Llo.Identity.Api.Audit;
using Llo.Messaging;
using Llo.Messaging.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Npgsql;
using V1 = Llo.Contracts.Identity.V1;

namespace Llo.Identity.Api.Rights;

/// <summary>
/// Export and erasure requests. Identity answers for its own data in the transaction that records the request and
/// publishes the request event, so either all three happen or none; the other services answer through events
/// (<see cref="PrivacyAnswerHandler"/>). Only the requester and a privacy-officer may read a request.
/// </summary>
public sealed class PrivacyRequestService(
    NpgsqlDataSource dataSource, PrivacyRequestStore requests, UserStore users, AuditTrail audit, IOptions<PrivacySettings> settings,
    TimeProvider time)
    : V1.PrivacyRequests.PrivacyRequestsBase
{
    public static readonly TimeSpan ExportKeptFor = TimeSpan.FromDays(7);
    private static readonly Resource ErasureRequest = new("Verwijderverzoek", "het", "verzoek-id");
    private static readonly Resource ExportRequest = new("Inzageverzoek", "het", "verzoek-id");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Authorize(Policy = IdentityPolicies.PersonWrite)]
    public override Task<V1.PrivacyRequest> CreateErasureRequest(V1.PrivacyRequestSubject request, ServerCallContext context) =>
        CreateAsync(StoredPrivacyRequest.Erasure, request, context);

    [Authorize(Policy = IdentityPolicies.PersonWrite)]
    public override Task<V1.PrivacyRequest> CreateExportRequest(V1.PrivacyRequestSubject request, ServerCallContext context) =>
        CreateAsync(StoredPrivacyRequest.Export, request, context);

    [Authorize(Policy = IdentityPolicies.PersonRead)]
    public override Task<V1.PrivacyRequest> GetErasureRequest(V1.GetPrivacyRequestRequest request, ServerCallContext context) =>
        GetAsync(StoredPrivacyRequest.Erasure, ErasureRequest, request.Id, context);

    [Authorize(Policy = IdentityPolicies.PersonRead)]
    public override Task<V1.PrivacyRequest> GetExportRequest(V1.GetPrivacyRequestRequest request, ServerCallContext context) =>
        GetAsync(StoredPrivacyRequest.Export, ExportRequest, request.Id, context);

    private async Task<V1.PrivacyRequest> CreateAsync(string kind, V1.PrivacyRequestSubject subject, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var caller = context.Caller();
        var person = await PrivacySubject.ResolveAsync(subject, caller, users, ct);
        var now = StoredTime.Now(time);
        var export = kind == StoredPrivacyRequest.Export;
        var expected = settings.Value.Expected();
        var stored = new StoredPrivacyRequest
        {
            RequestId = Guid.CreateVersion7(), Kind = kind, SubjectUserId = person.UserId,
            SubjectEmails = export ? [.. person.EmailAddresses] : [], RequestedBy = caller.Subject ?? "", RequestedAt = now,
            ExpectedServices = expected, ExpiresAt = export ? now + ExportKeptFor : null,
        };

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await PrivacyRequestStore.InsertAsync(tx, stored, ct);
        var own = new StoredPrivacyAnswer { RequestId = stored.RequestId, Service = IdentityPersonalData.Service, AnsweredAt = now };
        if (export)
        {
            var part = await IdentityPersonalData.ExportAsync(tx, person, ct);
            own = own with { Part = JsonSerializer.Serialize(part, Json) };
            await Outbox.EnqueueAsync(tx, new PersonalDataExportRequested(stored.RequestId, person), stored.RequestId.ToString(), 1, ct);
        }
        else
        {
            own = own with { ErasedCount = await IdentityPersonalData.EraseAsync(tx, person, now, ct) };
            await Outbox.EnqueueAsync(tx, new ErasureRequested(stored.RequestId, person), stored.RequestId.ToString(), 1, ct);
        }

        await PrivacyRequestStore.AnswerAsync(tx, own, ct);
        await audit.RecordAsync(tx, caller,
            IdentityAudit.PrivacyRequest(export ? AuditActions.Export : AuditActions.Erase, stored.RequestId, person.UserId), ct);
        await tx.CommitAsync(ct);
        var found = await requests.FindAsync(stored.RequestId, ct);
        return ToContract(found!.Value.Request, found.Value.Answers);
    }

    private async Task<V1.PrivacyRequest> GetAsync(string kind, Resource resource, string idText, ServerCallContext context)
    {
        var caller = context.Caller();
        var id = resource.ParseId(idText);
        var found = await requests.FindAsync(id, context.CancellationToken);
        // An expired export is gone even before housekeeping deletes it.
        if (found is not { } f || f.Request.Kind != kind || f.Request.ExpiresAt <= time.GetUtcNow())
        {
            throw resource.NotFound(id);
        }

        if (f.Request.RequestedBy != caller.Subject && !caller.HasRole(LloRoles.PrivacyOfficer))
        {
            throw Caller.Denied("Alleen wie het verzoek deed en de privacyfunctionaris kunnen het inzien.");
        }

        var contract = ToContract(f.Request, f.Answers);
        // Only the export document is personal data; a request's progress names services, not the person.
        if (contract.Document is not null)
        {
            await audit.RecordReadAsync(caller, IdentityAudit.PrivacyRequest(AuditActions.Read, f.Request.RequestId, f.Request.SubjectUserId),
                context.CancellationToken);
        }

        return contract;
    }

    private static V1.PrivacyRequest ToContract(StoredPrivacyRequest request, IReadOnlyList<StoredPrivacyAnswer> answers)
    {
        var contract = new V1.PrivacyRequest
        {
            Id = request.RequestId.ToString("D"),
            Kind = request.Kind,
            RequestedAt = Timestamp.FromDateTimeOffset(request.RequestedAt),
            Complete = request.CompletedAt is not null,
            CompletedAt = request.CompletedAt is { } completed ? Timestamp.FromDateTimeOffset(completed) : null,
            ExpiresAt = request.ExpiresAt is { } expires ? Timestamp.FromDateTimeOffset(expires) : null,
        };
        var byService = answers.ToDictionary(a => a.Service);
        foreach (var service in request.ExpectedServices)
        {
            var answer = byService.GetValueOrDefault(service);
            contract.Services.Add(new V1.PrivacyRequestAnswer
            {
                Service = service,
                Answered = answer is not null,
                AnsweredAt = answer is null ? null : Timestamp.FromDateTimeOffset(answer.AnsweredAt),
                ErasedCount = answer?.ErasedCount ?? 0,
            });
        }

        if (request.Kind == StoredPrivacyRequest.Export && contract.Complete)
        {
            contract.Document = ExportDocument.Assemble(request, request.ExpectedServices.Select(s => byService[s]));
        }

        return contract;
    }
}
