using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Llo.Identity.Api.Access;
using Llo.Hosting.Access;
using Llo.Messaging.Audit;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using V1 = Llo.Contracts.Identity.V1;

namespace Llo.Identity.Api.Audit;

/// <summary>The audit log for the privacy officer: entries newest first with filters, and the chain's verification.</summary>
[Authorize(Policy = IdentityPolicies.AuditRead)]
public sealed class AuditService(NpgsqlDataSource dataSource, AuditTrail audit, AuditWitness witness) : V1.AuditService.AuditServiceBase
{
    public static readonly PageLimits Limits = new(Default: 50, Max: 500);

    public override async Task<V1.ListAuditEntriesResponse> ListAuditEntries(V1.ListAuditEntriesRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var query = AuditQuery.Parse(request, violations);
        var page = Page.Parse(request.PageSize, request.PageToken, Limits, violations, query.Fingerprint());
        violations.ThrowIfAny();

        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var result = await query.ToList().PageAsync<AuditLog.Row>(connection, AuditLog.Columns, "sequence DESC",
            page.Offset, page.Size, context.CancellationToken);
        var entries = result.Rows.Select(r => r.ToStored()).ToList();
        // Reading the log is itself a read of personal data (who was looked at by whom): recorded before it is shown.
        if (entries.Count > 0)
        {
            await audit.RecordReadAsync(context.Caller(), IdentityAudit.AuditLogRead(entries), context.CancellationToken);
        }

        var response = new V1.ListAuditEntriesResponse { TotalSize = result.Total, NextPageToken = page.NextToken(result.Rows.Count, result.Total) };
        response.AuditEntries.AddRange(entries.Select(ToContract));
        return response;
    }

    public override async Task<V1.VerifyAuditEntriesResponse> VerifyAuditEntries(V1.VerifyAuditEntriesRequest request, ServerCallContext context)
    {
        var witnessed = await witness.ReadAsync(context.CancellationToken);
        var verdict = await AuditVerification.VerifyAsync(dataSource, witnessed, context.CancellationToken);
        return new V1.VerifyAuditEntriesResponse
        {
            Intact = verdict.Intact,
            Checked = verdict.Checked,
            FirstSequence = verdict.FirstSequence,
            LastSequence = verdict.LastSequence,
            BrokenSequence = verdict.BrokenSequence,
            Problem = verdict.Problem,
            Message = verdict.Message,
            WitnessedSequence = verdict.WitnessedSequence,
        };
    }

    private static V1.AuditEntry ToContract(StoredAuditEntry entry)
    {
        var contract = new V1.AuditEntry
        {
            Sequence = entry.Sequence,
            EntryId = entry.EntryId.ToString("D"),
            OccurredAt = Timestamp.FromDateTimeOffset(entry.OccurredAt),
            RecordedAt = Timestamp.FromDateTimeOffset(entry.RecordedAt),
            Service = entry.Service,
            Actor = entry.Actor ?? "",
            ActorOrganisationId = entry.ActorOrganisation?.ToString("D") ?? "",
            ClientId = entry.ClientId ?? "",
            Action = entry.Action,
            ResourceType = entry.ResourceType,
            ResourceId = entry.ResourceId ?? "",
            CorrelationId = entry.CorrelationId ?? "",
            Hash = Convert.ToHexStringLower(entry.Hash),
            PreviousHash = Convert.ToHexStringLower(entry.PreviousHash),
        };
        contract.SubjectIds.AddRange(entry.SubjectIds);
        contract.Details.Add(entry.Details);
        return contract;
    }
}
