using Llo.Finance.Api.Budgets;
using Llo.Finance.Domain.Seed;
using Npgsql;

namespace Llo.Finance.Api.Applications;

/// <summary>
/// Registers the plan's funding applications (<see cref="PlanSeed"/>) on start, under the plan's ids. Idempotent: an
/// application that is there (perhaps moved on since) is left as it is.
/// </summary>
public sealed class ApplicationSeeder(NpgsqlDataSource dataSource, IConfiguration configuration, TimeProvider time, ILogger<ApplicationSeeder> logger)
    : PlanRowSeeder<StoredApplication>(dataSource, configuration, time, logger)
{
    protected override string What => "funding applications";

    protected override IReadOnlyList<StoredApplication> Rows(PlanSeedData plan, DateTimeOffset now) =>
        [.. plan.Applications.Select(a => StoredApplication.From(a, (int)Math.Round(a.Probability * 100m), 1, now, now))];

    protected override Task<bool> InsertAsync(NpgsqlTransaction tx, StoredApplication row, CancellationToken ct) => ApplicationStore.InsertAsync(tx, row, ct);
}
