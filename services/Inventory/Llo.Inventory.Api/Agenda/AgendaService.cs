using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Llo.Hosting.Access;
using Llo.Inventory.Api.Access;
using Llo.Inventory.Api.Projects;
using Llo.Inventory.Api.Validation;
using Llo.Persistence;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using V1 = Llo.Contracts.Inventory.V1;

namespace Llo.Inventory.Api.Agenda;

/// <summary>
/// Open agendas: partners publish meetings and events; the list of all of them is the regional agenda. Public items
/// are read anonymously, the others only by callers who are logged in; an item is changed only for the organisation
/// that published it (programme staff for a programme-owned one).
/// </summary>
public sealed class AgendaService(NpgsqlDataSource dataSource, TimeProvider time) : V1.AgendaService.AgendaServiceBase
{
    public static readonly PageLimits PageLimits = new(Default: 50, Max: 200);

    [AllowAnonymous]
    public override async Task<V1.ListAgendaItemsResponse> ListAgendaItems(V1.ListAgendaItemsRequest request, ServerCallContext context)
    {
        if (request.IncludeNonPublic && !context.Caller().IsAuthenticated)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated,
                "Niet-openbare agendapunten zijn alleen voor partners: log eerst in (of laat includeNonPublic weg)."));
        }

        var violations = new FieldViolations();
        var filter = AgendaFilter.Parse(request.From, request.To, request.Organiser, (int)request.FocusLine, request.Municipality,
            request.ProjectId, request.Q, request.IncludeNonPublic, violations);
        var page = Page.Parse(request.PageSize, request.PageToken, PageLimits, violations, filter.Fingerprint());
        violations.ThrowIfAny();

        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var (items, total) = await AgendaStore.ListAsync(connection, filter, page, context.CancellationToken);
        var response = new V1.ListAgendaItemsResponse { TotalSize = total, NextPageToken = page.NextToken(items.Count, total) };
        response.Items.AddRange(items.Select(ToContract));
        return response;
    }

    [AllowAnonymous]
    public override async Task<V1.AgendaItem> GetAgendaItem(V1.GetAgendaItemRequest request, ServerCallContext context)
    {
        var id = Resource.AgendaItem.ParseId(request.Id);
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var item = await AgendaStore.FindAsync(connection, id, context.CancellationToken);
        // A non-public item does not exist for an anonymous caller, as in the regional agenda.
        if (item is null || (!item.Item.Public && !context.Caller().IsAuthenticated))
        {
            throw Resource.AgendaItem.NotFound(id);
        }

        return ToContract(item);
    }

    [Authorize(Policy = InventoryPolicies.AgendaWrite)]
    public override async Task<V1.AgendaItem> CreateAgendaItem(V1.CreateAgendaItemRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var owner = context.Caller().OwnOrganisation();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var input = await ValidateAsync(connection, request.Item, new FieldViolations(), ct);
        var now = StoredTime.Now(time);
        var stored = new StoredAgendaItem(Guid.CreateVersion7(), input, 1, now, now, owner);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await AgendaStore.InsertAsync(tx, stored, ct);
        await AgendaEvents.ScheduledAsync(tx, stored, ct);
        await tx.CommitAsync(ct);
        return ToContract(stored);
    }

    [Authorize(Policy = InventoryPolicies.AgendaWrite)]
    public override async Task<V1.AgendaItem> UpdateAgendaItem(V1.UpdateAgendaItemRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var id = Resource.AgendaItem.ParseId(request.Id);
        Resource.AgendaItem.RequireVersion(request.Version);

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var current = await LockAsync(tx, id, request.Version, ct);
        context.Caller().RequireMayChange(current.Owner, $"agendapunt {id}");
        var violations = new FieldViolations();
        if (request.Item is null && request.UpdateMask.Count == 0)
        {
            violations.Add("item", "Het agendapunt ontbreekt.").ThrowIfAny();
        }

        var merged = UpdateMask.Apply(current.Item.ToContract(), request.Item ?? new(), request.UpdateMask, violations);
        var input = await ValidateAsync(connection, merged, violations, ct);
        var changed = AgendaEvents.ChangedFields(current.Item, input);
        if (changed.Count == 0)
        {
            return ToContract(current); // nothing changed, so the version stays and no event goes out
        }

        var stored = current with { Item = input, Version = current.Version + 1, UpdatedAt = StoredTime.Now(time) };
        await AgendaStore.UpdateAsync(tx, stored, ct);
        await AgendaEvents.ChangedAsync(tx, stored, changed, ct);
        await tx.CommitAsync(ct);
        return ToContract(stored);
    }

    [Authorize(Policy = InventoryPolicies.AgendaWrite)]
    public override async Task<Empty> DeleteAgendaItem(V1.DeleteAgendaItemRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var id = Resource.AgendaItem.ParseId(request.Id);
        Resource.AgendaItem.RequireVersionOrZero(request.Version);

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var current = await LockAsync(tx, id, request.Version, ct);
        context.Caller().RequireMayChange(current.Owner, $"agendapunt {id}");
        await AgendaStore.DeleteAsync(tx, id, ct);
        await AgendaEvents.CancelledAsync(tx, current, ct);
        await tx.CommitAsync(ct);
        return new Empty();
    }

    /// <summary>The item locked for this transaction, or NotFound / Aborted (stale version; 0 = not checked).</summary>
    private static Task<StoredAgendaItem> LockAsync(NpgsqlTransaction tx, Guid id, long expectedVersion, CancellationToken ct) =>
        AgendaStore.LockAsync(tx, id, ct).Expecting(expectedVersion, () => Resource.AgendaItem.NotFound(id), Resource.AgendaItem.Stale);

    /// <summary>Field checks first, then whether the linked projects exist, all reported together.</summary>
    private static async Task<AgendaItemInput> ValidateAsync(
        NpgsqlConnection connection, V1.AgendaItemFields? fields, FieldViolations violations, CancellationToken ct)
    {
        var input = AgendaItemValidator.Validate(fields, "item", violations);
        var ids = fields is null || fields.ProjectIds.Count > InventoryLists.AgendaProjects.Max
            ? [] // the validator refused the list as too long: nothing to look up
            : fields.ProjectIds.Select(Resource.TryParseId).OfType<Guid>().Distinct().ToList();
        foreach (var missing in await AgendaStore.MissingProjectsAsync(connection, ids, ct))
        {
            var index = fields!.ProjectIds.IndexOf(fields.ProjectIds.First(s => Resource.TryParseId(s) == missing));
            violations.Add($"item.projectIds[{index}]", $"Project {missing} bestaat niet.");
        }

        violations.ThrowIfAny();
        return input!;
    }

    private static V1.AgendaItem ToContract(StoredAgendaItem stored) => new()
    {
        Id = stored.Id.ToString(),
        Fields = stored.Item.ToContract(),
        Version = stored.Version,
        CreatedAt = Timestamp.FromDateTimeOffset(stored.CreatedAt),
        UpdatedAt = Timestamp.FromDateTimeOffset(stored.UpdatedAt),
    };
}
