using Llo.Matching.Api.Employers;
using Llo.Matching.Api.InventoryProjects;
using Llo.Matching.Api.Taxonomy;
using Llo.Matching.Api.Trainings;
using Llo.Matching.Api.Workers;
using Npgsql;

namespace Llo.Matching.Api.Matches;

/// <summary>
/// Keeps the in-memory match index current. The twins are loaded from the database once the taxonomy is ready (by
/// <see cref="MatchIndexLoading"/> at start, or by the first query), and the snapshot is built from them once. Every
/// committed write hands its row over here and marks it changed; the next query derives a new snapshot that patches in
/// just the changed rows (<see cref="MatchSnapshot.With"/>), so a write costs the size of the write, not of the region.
/// A row older than the one held (a write that raced the load) is ignored, so the outcome does not depend on the order.
/// </summary>
public sealed class MatchEngine(LoadedTaxonomy taxonomy, NpgsqlDataSource dataSource)
{
    private readonly Lock sync = new();
    private readonly SemaphoreSlim loading = new(1, 1);
    private readonly Dictionary<Guid, StoredWorker> workers = [];
    private readonly Dictionary<Guid, StoredEmployer> employers = [];
    private readonly Dictionary<Guid, StoredJob> jobs = [];
    private readonly Dictionary<Guid, StoredTraining> trainings = [];
    private readonly Dictionary<Guid, StoredInventoryProject> projects = [];
    private readonly HashSet<Guid> changedWorkers = [];
    private readonly HashSet<Guid> changedJobs = [];
    private bool trainingsChanged;
    private bool projectsChanged;
    private volatile bool loaded;
    private MatchSnapshot? snapshot;

    public bool IsLoaded => loaded;

    /// <summary>How many times the snapshot was built from scratch (once after the load; writes do not add to it).</summary>
    public int FullBuilds { get; private set; }

    /// <summary>The current snapshot: Unavailable (503) while the taxonomy loads, built from the twins at the first call.</summary>
    public async Task<MatchSnapshot> SnapshotAsync(CancellationToken ct)
    {
        var ready = await taxonomy.WhenReadyAsync(ct);
        if (!loaded)
        {
            await LoadAsync(ct);
        }

        lock (sync)
        {
            if (snapshot is null)
            {
                snapshot = MatchSnapshot.Build(ready, workers.Values.ToList(), new Dictionary<Guid, StoredEmployer>(employers), jobs.Values.ToList(), trainings.Values.ToList(),
                    projects.Values.ToList());
                FullBuilds++;
            }
            else if (changedWorkers.Count > 0 || changedJobs.Count > 0 || trainingsChanged || projectsChanged)
            {
                snapshot = snapshot.With(changedWorkers.ToDictionary(id => id, workers.GetValueOrDefault), changedJobs.ToDictionary(id => id, jobs.GetValueOrDefault),
                    new Dictionary<Guid, StoredEmployer>(employers), trainingsChanged ? trainings.Values.ToList() : null,
                    projectsChanged ? projects.Values.ToList() : null);
            }

            changedWorkers.Clear();
            changedJobs.Clear();
            trainingsChanged = false;
            projectsChanged = false;
            return snapshot;
        }
    }

    /// <summary>Reads every twin from the database once.</summary>
    public async Task LoadAsync(CancellationToken ct)
    {
        await loading.WaitAsync(ct);
        try
        {
            if (loaded)
            {
                return;
            }

            await using var connection = await dataSource.OpenConnectionAsync(ct);
            var (w, e, j, t) = (await WorkerStore.AllAsync(connection, ct), await EmployerStore.AllAsync(connection, ct),
                await JobStore.AllAsync(connection, ct), await TrainingStore.AllAsync(connection, ct));
            var p = await InventoryProjectStore.AllAsync(connection, ct);
            lock (sync)
            {
                w.ToList().ForEach(x => Upsert(workers, x.Id, x, x.Version));
                e.ToList().ForEach(x => Upsert(employers, x.Id, x, x.Version));
                j.ToList().ForEach(x => Upsert(jobs, x.Id, x, x.Version));
                t.ToList().ForEach(x => Upsert(trainings, x.Id, x, x.Version));
                p.ToList().ForEach(x => Upsert(projects, x.Id, x, x.Version));
                snapshot = null;
                loaded = true;
            }
        }
        finally
        {
            loading.Release();
        }
    }

    public void Worker(StoredWorker worker) => Change(() =>
    {
        Upsert(workers, worker.Id, worker, worker.Version);
        changedWorkers.Add(worker.Id);
    });

    /// <summary>An employer's sector and name live in its jobs' profiles and summaries, so its jobs change with it.</summary>
    public void Employer(StoredEmployer employer) => Change(() =>
    {
        Upsert(employers, employer.Id, employer, employer.Version);
        changedJobs.UnionWith(jobs.Values.Where(j => j.EmployerId == employer.Id).Select(j => j.Id));
    });

    public void Job(StoredJob job) => Change(() =>
    {
        Upsert(jobs, job.Id, job, job.Version);
        changedJobs.Add(job.Id);
    });

    public void Training(StoredTraining training) => Change(() =>
    {
        Upsert(trainings, training.Id, training, training.Version);
        trainingsChanged = true;
    });

    /// <summary>An inventory project read again; the same version replaces the held one (its skills may be derived anew).</summary>
    public void Project(StoredInventoryProject project) => Change(() =>
    {
        Upsert(projects, project.Id, project, project.Version);
        projectsChanged = true;
    });

    /// <summary>Forgets a project the inventory no longer knows.</summary>
    public void RemoveProject(Guid id) => Change(() => projectsChanged |= projects.Remove(id));

    /// <summary>Forgets an erased worker (the privacy contract's erasure calls this after its transaction commits).</summary>
    public void RemoveWorker(Guid id) => Change(() =>
    {
        workers.Remove(id);
        changedWorkers.Add(id);
    });

    private void Change(Action change)
    {
        lock (sync)
        {
            change();
        }
    }

    private static void Upsert<T>(Dictionary<Guid, T> map, Guid id, T row, long version)
        where T : Persistence.IVersioned
    {
        if (!map.TryGetValue(id, out var held) || held.Version <= version)
        {
            map[id] = row;
        }
    }
}
