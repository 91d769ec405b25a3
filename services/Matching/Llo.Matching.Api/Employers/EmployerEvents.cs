using Llo.Contracts.Events;
using Llo.Messaging;
using Npgsql;

namespace Llo.Matching.Api.Employers;

/// <summary>The events an employer or job write enqueues in its own transaction.</summary>
public static class EmployerEvents
{
    public static Task RegisteredAsync(NpgsqlTransaction tx, StoredEmployer e, CancellationToken ct) =>
        Outbox.EnqueueAsync(tx, new EmployerRegistered(e.Id, e.Fields.Sector, [.. e.Fields.Locations]), e.Id.ToString(), e.Version, ct);

    public static Task ChangedAsync(NpgsqlTransaction tx, StoredEmployer e, IReadOnlyList<string> changed, CancellationToken ct) =>
        Outbox.EnqueueAsync(tx, new EmployerChanged(e.Id, e.Version, changed), e.Id.ToString(), e.Version, ct);

    public static Task JobRegisteredAsync(NpgsqlTransaction tx, StoredJob j, CancellationToken ct) =>
        Outbox.EnqueueAsync(tx, new JobRegistered(j.Id, j.EmployerId, j.Fields.OccupationUri, j.Fields.Municipality, j.Fields.Open), j.Id.ToString(), j.Version, ct);

    public static Task JobChangedAsync(NpgsqlTransaction tx, StoredJob j, IReadOnlyList<string> changed, CancellationToken ct) =>
        Outbox.EnqueueAsync(tx, new JobChanged(j.Id, j.EmployerId, j.Version, j.Fields.Open, changed), j.Id.ToString(), j.Version, ct);
}
