using Llo.Matching.Api.Employers;
using Llo.Matching.Api.Matches;
using Llo.Matching.Api.Trainings;
using Llo.Matching.Api.Workers;
using Llo.Matching.Domain.Taxonomy;
using Npgsql;

namespace Llo.Matching.Api.Seed;

/// <summary>
/// Seeds <see cref="DemoTwins"/> on start, after the schema, unless <c>Matching:SeedDemoData</c> is false. Idempotent:
/// a twin that is there (perhaps changed since) is left as it is. Events go out as for any other write.
/// </summary>
public sealed class DemoTwinSeeder(NpgsqlDataSource dataSource, MatchEngine engine, IConfiguration configuration, TimeProvider time, ILogger<DemoTwinSeeder> logger)
    : IHostedService
{
    public const string SettingName = "Matching:SeedDemoData";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue(SettingName, defaultValue: true))
        {
            return;
        }

        var data = DemoTwins.Build(DemoTaxonomy.Load());
        var now = StoredTime.Now(time);
        var inserted = 0;
        var written = new List<Action>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var e in data.Employers)
        {
            var employer = new StoredEmployer(e.Id, e.Fields, e.Owner, 1, now, now);
            if (await EmployerStore.InsertAsync(tx, employer, cancellationToken))
            {
                inserted++;
                await EmployerEvents.RegisteredAsync(tx, employer, cancellationToken);
                written.Add(() => engine.Employer(employer));
            }

            foreach (var (id, fields) in e.Jobs)
            {
                var job = new StoredJob(id, e.Id, fields, 1, now, now);
                if (await JobStore.InsertAsync(tx, job, cancellationToken))
                {
                    inserted++;
                    await EmployerEvents.JobRegisteredAsync(tx, job, cancellationToken);
                    written.Add(() => engine.Job(job));
                }
            }
        }

        foreach (var (id, fields) in data.Trainings)
        {
            var training = new StoredTraining(id, fields, null, 1, now, now);
            if (await TrainingStore.InsertAsync(tx, training, cancellationToken))
            {
                inserted++;
                await TrainingService.PublishedAsync(tx, training, cancellationToken);
                written.Add(() => engine.Training(training));
            }
        }

        foreach (var (id, fields) in data.Workers)
        {
            var worker = new StoredWorker(id, fields, 1, now, now);
            if (await WorkerStore.InsertAsync(tx, worker, "demo-seed", cancellationToken))
            {
                inserted++;
                await WorkerEvents.RegisteredAsync(tx, worker, cancellationToken);
                written.Add(() => engine.Worker(worker));
            }
        }

        await tx.CommitAsync(cancellationToken);
        written.ForEach(w => w());
        logger.LogInformation("Demo seed: {Inserted} synthetic twins, jobs and trainings inserted", inserted);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
