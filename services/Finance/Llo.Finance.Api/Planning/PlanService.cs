using Grpc.Core;
using Llo.Finance.Api.Access;
using Llo.Finance.Api.Applications;
using Llo.Finance.Api.Budgets;
using Llo.Finance.Api.CoFinancing;
using Llo.Finance.Api.Contributions;
using Llo.Finance.Domain;
using Llo.Finance.Domain.Planning;
using Llo.Persistence;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using V1 = Llo.Contracts.Finance.V1;

namespace Llo.Finance.Api.Planning;

/// <summary>
/// The realisation planner over the stored budget, applications and contributions (<see cref="RealisationPlanner"/>).
/// Read-only: it writes nothing, so a bad scenario changes nothing by construction. The funders' stored co-financing
/// rules are checked by default; a rule in the request replaces a funder's stored rules for that request.
/// </summary>
public sealed class PlanService(NpgsqlDataSource dataSource) : V1.PlanService.PlanServiceBase
{
    [Authorize(Policy = FinancePolicies.PlansRealise)]
    public override async Task<V1.RealisationPlan> RealisePlan(V1.RealisePlanRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var budget = await BudgetStore.LatestAsync(connection, ct)
            ?? throw new RpcException(new Status(StatusCode.NotFound, "Er is nog geen begroting gepubliceerd."));
        var applications = (await Rows.QueryAsync<StoredApplication>(connection, null,
                $"SELECT {StoredApplication.Columns} FROM funding_applications ORDER BY created_at, id", null, ct))
            .Select(a => a.ToDomain()).ToList();
        var stored = await ContributionStore.YearAsync(connection, request.Year, ct);
        var storedRules = await CoFinancingRuleStore.ListAsync(connection, null, null, ct);
        var partnerNames = stored.GroupBy(c => c.OrganisationId).ToDictionary(g => g.Key, g => g.First().Partner);

        var violations = new FieldViolations();
        var (scenarios, rules) = PlanRequestValidator.Validate(request, budget, applications, partnerNames, violations);
        violations.ThrowIfAny();

        RealisationPlan plan;
        try
        {
            // The stored rules hold unless the request gives its own rule for a funder (a scenario can still change either).
            var input = new PlanningInput(budget, applications, stored.Select(c => c.ToDomain()).ToList(),
                CoFinancingRule.Merge(storedRules.Select(r => r.ToDomain()), rules));
            plan = RealisationPlanner.Realise(input, [request.Year], scenarios);
        }
        catch (FinanceRuleViolation refusal)
        {
            throw ApplicationValidator.ToRpc(refusal, "");
        }

        var answer = new V1.RealisationPlan
        {
            Year = request.Year, BudgetVersion = BudgetContract.Info(budget), Baseline = PlanContract.Outcome(plan.Baseline.Years[0]),
        };
        for (var i = 0; i < plan.Scenarios.Count; i++)
        {
            answer.Scenarios.Add(new V1.ScenarioOutcome
            {
                Name = plan.Scenarios[i].Name,
                Outcome = PlanContract.Outcome(plan.Scenarios[i].Years[0]),
                Difference = PlanContract.Difference(plan.Differences[i]),
            });
        }

        return answer;
    }
}
