using System.Diagnostics;
using Grpc.Core;
using Llo.Contracts.Events;
using Llo.Hosting.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Llo.Messaging.Audit;

/// <summary>
/// Records audit entries (<see cref="AuditRecorded"/>) through the service's outbox, so an entry commits with what it
/// describes and survives a broker outage; the identity service appends them to its hash-chained log. Register it
/// with <see cref="AuditRegistration.UseAudit"/>. A write records in its own transaction
/// (<see cref="RecordAsync"/>); a read records before it answers (<see cref="RecordReadAsync"/>), and fails closed.
/// </summary>
public sealed class AuditTrail
{
    public const string CorrelationHeader = "X-Correlation-Id";
    private const int MaxCorrelationIdLength = 64;

    private readonly string _service;
    private readonly NpgsqlDataSource _database;
    private readonly TimeProvider _time;
    private readonly IHttpContextAccessor _requests;
    private readonly ILogger<AuditTrail> _logger;

    internal AuditTrail(string service, NpgsqlDataSource database, TimeProvider time, IHttpContextAccessor requests, ILogger<AuditTrail> logger)
    {
        _service = service;
        _database = database;
        _time = time;
        _requests = requests;
        _logger = logger;
    }

    /// <summary>The service name every entry carries ("inventory").</summary>
    public string Service => _service;

    /// <summary>
    /// The actor of an entry no user or client asked for (a consumer answering an event, a failed login):
    /// <c>system:&lt;service&gt;</c>.
    /// </summary>
    public Caller System => Caller.System(_service);

    /// <summary>
    /// Enqueues the entry inside <paramref name="tx"/>, the transaction of the write it describes: both commit or
    /// neither does. Throws <see cref="ArgumentException"/> for an entry that holds anything but ids and codes.
    /// </summary>
    public Task RecordAsync(NpgsqlTransaction tx, Caller caller, AuditEntry entry, CancellationToken ct)
    {
        var recorded = Describe(caller, entry);
        return Outbox.EnqueueAsync(tx, recorded, ct);
    }

    /// <summary>
    /// Records a read in a small transaction of its own, before the caller returns the data. Fails closed: when the
    /// entry cannot be written the read fails with <c>Unavailable</c> (HTTP 503) and shows nothing.
    /// </summary>
    public async Task RecordReadAsync(Caller caller, AuditEntry entry, CancellationToken ct)
    {
        var recorded = Describe(caller, entry);
        try
        {
            await using var connection = await _database.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await Outbox.EnqueueAsync(tx, recorded, ct);
            await tx.CommitAsync(ct);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !ct.IsCancellationRequested)
        {
            _logger.LogError("Audit entry {EntryId} for a read of {ResourceType} could not be written ({Error}); refusing the read",
                recorded.EntryId, recorded.ResourceType, ex.GetType().Name);
            throw Unavailable();
        }
    }

    /// <summary>The refusal of a read whose audit entry could not be written.</summary>
    public static RpcException Unavailable() =>
        new(new Status(StatusCode.Unavailable, "Het auditlogboek is nu niet bereikbaar, dus deze persoonsgegevens worden niet getoond. Probeer het later opnieuw."));

    /// <summary>The full entry: <paramref name="entry"/> plus who, when, where and the correlation id.</summary>
    public AuditRecorded Describe(Caller caller, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(caller);
        AuditIds.Check(entry);
        var now = _time.GetUtcNow();
        return new AuditRecorded(
            Guid.CreateVersion7(),
            new DateTimeOffset(now.UtcTicks - now.UtcTicks % 10, TimeSpan.Zero),
            _service,
            caller.Subject,
            caller.Organisation,
            caller.ClientId,
            entry.Action,
            entry.ResourceType,
            entry.ResourceId,
            [.. entry.SubjectIds],
            CorrelationId(),
            new Dictionary<string, string>(entry.Details ?? new Dictionary<string, string>(), StringComparer.Ordinal));
    }

    /// <summary>The request's correlation id when the gateway (or a calling service) sent a sane one, else the trace id.</summary>
    private string? CorrelationId()
    {
        var given = _requests.HttpContext?.Request.Headers[CorrelationHeader];
        if (given is { Count: 1 } && given.Value[0] is { Length: > 0 and <= MaxCorrelationIdLength } id
            && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            return id;
        }

        return Activity.Current is { } activity ? activity.TraceId.ToHexString() : null;
    }
}
