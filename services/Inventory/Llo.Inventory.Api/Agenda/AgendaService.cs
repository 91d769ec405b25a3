using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Llo.Inventory.Api.Projects;
using Llo.Inventory.Api.Validation;
using Npgsql;
using V1 = Llo.Contracts.Inventory.V1;

namespace Llo.Inventory.Api.Agenda;

/// <summary>Open agendas: partners publish meetings and events; the list of all of them is the regional agenda.</summary>
public sealed class AgendaService(NpgsqlDataSource dataSource) : V1.AgendaService.AgendaServiceBase
{
    public static readonly PageLimits PageLimits = new(Default: 50, Max: 200);

    public override async Task<V1.ListAgendaItemsResponse> ListAgendaItems(V1.ListAgendaItemsRequest request, ServerCallContext context)
    {
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

    public override async Task<V1.AgendaItem> GetAgendaItem(V1.GetAgendaItemRequest request, ServerCallContext context)
    {
        var id = Resource.AgendaItem.ParseId(request.Id);
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var item = await AgendaStore.FindAsync(connection, id, context.CancellationToken) ?? throw Resource.AgendaItem.NotFound(id);
        return ToContract(item);
    }

    public override async Task<V1.AgendaItem> CreateAgendaItem(V1.CreateAgendaItemRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var input = await ValidateAsync(connection, request.Item, ct);
        var now = Clock.UtcNow();
        var stored = new StoredAgendaItem(Guid.CreateVersion7(), input, now, now);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await AgendaStore.InsertAsync(tx, stored, ct);
        await tx.CommitAsync(ct);
        return ToContract(stored);
    }

    public override async Task<V1.AgendaItem> UpdateAgendaItem(V1.UpdateAgendaItemRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var id = Resource.AgendaItem.ParseId(request.Id);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var input = await ValidateAsync(connection, request.Item, ct);
        var existing = await AgendaStore.FindAsync(connection, id, ct) ?? throw Resource.AgendaItem.NotFound(id);
        var stored = existing with { Item = input, UpdatedAt = Clock.UtcNow() };
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (!await AgendaStore.UpdateAsync(tx, stored, ct))
        {
            throw Resource.AgendaItem.NotFound(id);
        }

        await tx.CommitAsync(ct);
        return ToContract(stored);
    }

    public override async Task<Empty> DeleteAgendaItem(V1.DeleteAgendaItemRequest request, ServerCallContext context)
    {
        var id = Resource.AgendaItem.ParseId(request.Id);
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        return await AgendaStore.DeleteAsync(connection, id, context.CancellationToken) ? new Empty() : throw Resource.AgendaItem.NotFound(id);
    }

    /// <summary>Field checks first, then whether the linked projects exist, all reported together.</summary>
    private static async Task<AgendaItemInput> ValidateAsync(NpgsqlConnection connection, V1.AgendaItemFields? fields, CancellationToken ct)
    {
        var violations = new FieldViolations();
        var input = AgendaItemValidator.Validate(fields, "item", violations);
        var ids = fields?.ProjectIds.Select(s => Guid.TryParse(s, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList() ?? [];
        foreach (var missing in await AgendaStore.MissingProjectsAsync(connection, ids, ct))
        {
            var index = fields!.ProjectIds.IndexOf(fields.ProjectIds.First(s => Guid.TryParse(s, out var g) && g == missing));
            violations.Add($"item.projectIds[{index}]", $"Project {missing} bestaat niet.");
        }

        violations.ThrowIfAny();
        return input!;
    }

    private static V1.AgendaItem ToContract(StoredAgendaItem stored) => new()
    {
        Id = stored.Id.ToString(),
        Fields = stored.Item.ToContract(),
        CreatedAt = Timestamp.FromDateTimeOffset(stored.CreatedAt),
        UpdatedAt = Timestamp.FromDateTimeOffset(stored.UpdatedAt),
    };
}
