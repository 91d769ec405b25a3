using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Llo.Finance.Api.Access;
using Llo.Finance.Api.Applications;
using Llo.Persistence;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using V1 = Llo.Contracts.Finance.V1;

namespace Llo.Finance.Api.CoFinancing;

/// <summary>
/// The funders' co-financing rules, kept by the programme manager and read by the budget's readers; the planner checks
/// them by default. No personal data: funder names, percentages and years.
/// </summary>
public sealed class CoFinancingRuleService(NpgsqlDataSource dataSource, TimeProvider time) : V1.CoFinancingRuleService.CoFinancingRuleServiceBase
{
    public static readonly Resource Rule = new("Cofinancieringsregel", "de", "regel-id");

    [Authorize(Policy = FinancePolicies.CoFinancingRead)]
    public override async Task<V1.ListCoFinancingRulesResponse> ListCoFinancingRules(V1.ListCoFinancingRulesRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var funder = TextField.Check(request.Funder, "funder", "De financier", 100, required: false, violations);
        violations.ThrowIfAny();
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var response = new V1.ListCoFinancingRulesResponse();
        response.Rules.AddRange((await CoFinancingRuleStore.ListAsync(connection, null, funder.Length == 0 ? null : funder, context.CancellationToken))
            .Select(r => r.ToContract()));
        return response;
    }

    [Authorize(Policy = FinancePolicies.CoFinancingRead)]
    public override async Task<V1.CoFinancingRuleRecord> GetCoFinancingRule(V1.GetCoFinancingRuleRequest request, ServerCallContext context)
    {
        var id = Rule.ParseId(request.Id);
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var stored = await CoFinancingRuleStore.FindAsync(connection, id, context.CancellationToken) ?? throw Rule.NotFound(id);
        return stored.ToContract();
    }

    [Authorize(Policy = FinancePolicies.CoFinancingWrite)]
    public override async Task<V1.CoFinancingRuleRecord> CreateCoFinancingRule(V1.CreateCoFinancingRuleRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var valid = CoFinancingRuleValidator.Validate(request.Rule, await ApplicationStore.FundersAsync(connection, ct), new FieldViolations());
        var now = StoredTime.Now(time);
        var stored = Apply(new StoredCoFinancingRule(Guid.CreateVersion7(), "", 0, null, null, null, 1, now, now), valid);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await RequireNoOverlapAsync(tx, stored, ct);
        await CoFinancingRuleStore.InsertAsync(tx, stored, ct);
        await tx.CommitAsync(ct);
        return stored.ToContract();
    }

    [Authorize(Policy = FinancePolicies.CoFinancingWrite)]
    public override async Task<V1.CoFinancingRuleRecord> UpdateCoFinancingRule(V1.UpdateCoFinancingRuleRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var id = Rule.ParseId(request.Id);
        Rule.RequireVersion(request.Version);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var funders = await ApplicationStore.FundersAsync(connection, ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var current = await CoFinancingRuleStore.LockAsync(tx, id, ct).Expecting(request.Version, () => Rule.NotFound(id), Rule.Stale);
        var violations = new FieldViolations();
        var fields = UpdateMask.Apply(CoFinancingRuleContract.Fields(current), request.Rule ?? new V1.CoFinancingRuleFields(), request.UpdateMask?.Paths ?? [], violations);
        violations.ThrowIfAny();
        var changed = Apply(current, CoFinancingRuleValidator.Validate(fields, funders, violations));
        if (changed == current)
        {
            return current.ToContract();
        }

        var updated = changed with { Version = current.Version + 1, UpdatedAt = StoredTime.Now(time) };
        await RequireNoOverlapAsync(tx, updated, ct);
        await CoFinancingRuleStore.UpdateAsync(tx, updated, ct);
        await tx.CommitAsync(ct);
        return updated.ToContract();
    }

    [Authorize(Policy = FinancePolicies.CoFinancingWrite)]
    public override async Task<Empty> DeleteCoFinancingRule(V1.DeleteCoFinancingRuleRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var id = Rule.ParseId(request.Id);
        Rule.RequireVersionOrZero(request.Version);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await CoFinancingRuleStore.LockAsync(tx, id, ct).Expecting(request.Version, () => Rule.NotFound(id), Rule.Stale);
        await CoFinancingRuleStore.DeleteAsync(tx, id, ct);
        await tx.CommitAsync(ct);
        return new Empty();
    }

    /// <summary>A funder has one demand per year: a rule whose years meet another rule of the funder is a conflict (409).</summary>
    private static async Task RequireNoOverlapAsync(NpgsqlTransaction tx, StoredCoFinancingRule rule, CancellationToken ct)
    {
        await CoFinancingRuleStore.LockTableAsync(tx, ct);
        var candidate = rule.ToDomain();
        var other = (await CoFinancingRuleStore.ListAsync(tx.Connection!, tx, rule.Funder, ct))
            .FirstOrDefault(r => r.Id != rule.Id && r.ToDomain().Overlaps(candidate));
        if (other is not null)
        {
            throw new RpcException(new Status(StatusCode.AlreadyExists,
                $"Financier {rule.Funder} heeft al een cofinancieringsregel voor {Years(other)} (regel {other.Id:D}); pas die aan of kies andere jaren."));
        }
    }

    private static string Years(StoredCoFinancingRule rule) => (rule.FirstYear, rule.LastYear) switch
    {
        (null, null) => "alle jaren",
        ({ } from, null) => $"{from} en later",
        (null, { } to) => $"de jaren tot en met {to}",
        ({ } from, { } to) => $"{from} tot en met {to}",
    };

    private static StoredCoFinancingRule Apply(StoredCoFinancingRule row, ValidCoFinancingRule valid) => row with
    {
        Funder = valid.Funder,
        RequiredOwnSharePercent = valid.RequiredOwnSharePercent,
        FirstYear = valid.FirstYear,
        LastYear = valid.LastYear,
        Source = valid.Source,
    };
}
