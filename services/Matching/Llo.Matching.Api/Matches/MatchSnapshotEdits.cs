using Llo.Matching.Api.Employers;
using Llo.Matching.Api.InventoryProjects;
using Llo.Matching.Api.Trainings;
using Llo.Matching.Api.Workers;
using Llo.Matching.Domain.Scoring;

namespace Llo.Matching.Api.Matches;

/// <summary>
/// The next snapshot after writes, derived from this one instead of built again: the indexes are forked (they share
/// every posting the writes do not touch) and only the changed twins are patched in. Positions stay dense, so a
/// removed worker, job or task gives its place to the last one. The queries still reading this snapshot see it
/// unchanged; the next ones get the derived snapshot, which answers as a snapshot built from scratch on the same rows
/// (up to the order of ties, which follows the positions).
/// </summary>
public sealed partial class MatchSnapshot
{
    private readonly Dictionary<Guid, int> jobIndex = [];
    private readonly Dictionary<Guid, int[]> tasksOfJob = [];
    private readonly Dictionary<Guid, int> employerIds = [];

    /// <summary>How many derived snapshots lie between this one and the last full build (0 for a full build).</summary>
    public long Generation { get; private set; }

    /// <summary>
    /// This snapshot with the writes since applied. <paramref name="workers"/> and <paramref name="jobs"/> hold each
    /// changed id with its current row (null: gone); <paramref name="employers"/> is every employer as it is now;
    /// <paramref name="trainings"/> the whole catalogue when a training changed, else null; <paramref name="projects"/>
    /// every inventory project when one changed, else null.
    /// </summary>
    public MatchSnapshot With(IReadOnlyDictionary<Guid, StoredWorker?> workers, IReadOnlyDictionary<Guid, StoredJob?> jobs,
        IReadOnlyDictionary<Guid, StoredEmployer> employers, IEnumerable<StoredTraining>? trainings, IEnumerable<StoredInventoryProject>? projects = null)
    {
        var next = new MatchSnapshot(Ready)
        {
            Generation = Generation + 1,
            Index = Index.Fork(),
            TaskIndex = TaskIndex.Fork(),
            Workers = new List<StoredWorker>(Workers),
            Jobs = new List<(StoredJob, StoredEmployer)>(Jobs),
            Tasks = new List<(StoredJob, StoredEmployer, int)>(Tasks),
        };
        next.workerIndex.EnsureCapacity(workerIndex.Count);
        foreach (var (id, at) in workerIndex)
        {
            next.workerIndex.Add(id, at);
        }

        foreach (var (map, from) in new[] { (next.jobIndex, jobIndex), (next.employerIds, employerIds) })
        {
            foreach (var (id, at) in from)
            {
                map.Add(id, at);
            }
        }

        foreach (var (id, positions) in tasksOfJob)
        {
            next.tasksOfJob.Add(id, positions);
        }

        foreach (var (id, row) in workers)
        {
            next.PatchWorker(id, row);
        }

        foreach (var (id, row) in jobs)
        {
            next.PatchJob(id, row, row is not null && employers.TryGetValue(row.EmployerId, out var employer) ? employer : null);
        }

        if (trainings is null)
        {
            next.trainingsBySkill = trainingsBySkill;
        }
        else
        {
            next.IndexTrainings(trainings);
        }

        if (projects is null)
        {
            next.projectsBySkill = projectsBySkill;
        }
        else
        {
            next.IndexProjects(projects);
        }

        return next;
    }

    private void RememberPositions(IReadOnlyDictionary<Guid, int> employerPositions)
    {
        foreach (var (id, at) in employerPositions)
        {
            employerIds[id] = at;
        }

        for (var j = 0; j < Jobs.Count; j++)
        {
            jobIndex[Jobs[j].Job.Id] = j;
        }

        foreach (var group in Tasks.Select((t, at) => (t.Job.Id, at)).GroupBy(t => t.Id))
        {
            tasksOfJob[group.Key] = [.. group.Select(t => t.at)];
        }
    }

    private void PatchWorker(Guid id, StoredWorker? row)
    {
        var workers = (List<StoredWorker>)Workers;
        if (workerIndex.TryGetValue(id, out var at))
        {
            if (row is not null)
            {
                Index.ReplaceWorker(at, Profile(row.Fields));
                workers[at] = row;
                return;
            }

            workerIndex.Remove(id);
            if (Index.RemoveWorker(at) is var moved and >= 0)
            {
                workers[at] = workers[moved];
                workerIndex[workers[at].Id] = at;
            }

            workers.RemoveAt(workers.Count - 1);
        }
        else if (row is not null)
        {
            workerIndex[id] = Index.AddWorker(Profile(row.Fields));
            workers.Add(row);
        }
    }

    private void PatchJob(Guid id, StoredJob? row, StoredEmployer? employer)
    {
        var jobs = (List<(StoredJob Job, StoredEmployer Employer)>)Jobs;
        var open = row is not null && row.Fields.Open && employer is not null;
        if (jobIndex.TryGetValue(id, out var at))
        {
            RemoveTasks(id);
            if (open)
            {
                Index.ReplaceJob(at, Profile(row!, employer!, at, EmployerPosition(employer!.Id)));
                jobs[at] = (row!, employer!);
                AddTasks(row!, employer!, at);
                return;
            }

            jobIndex.Remove(id);
            if (Index.RemoveJob(at) is var moved and >= 0)
            {
                jobs[at] = jobs[moved];
                jobIndex[jobs[at].Job.Id] = at;
                // The moved job's tasks name its position.
                foreach (var t in tasksOfJob.GetValueOrDefault(jobs[at].Job.Id, []))
                {
                    TaskIndex.ReplaceTaskKeepingSkills(t, TaskIndex.Tasks[t] with { JobId = at });
                }
            }

            jobs.RemoveAt(jobs.Count - 1);
        }
        else if (open)
        {
            var added = Index.AddJob(Profile(row!, employer!, jobs.Count, EmployerPosition(employer!.Id)));
            jobIndex[id] = added;
            jobs.Add((row!, employer!));
            AddTasks(row!, employer!, added);
        }
    }

    private void AddTasks(StoredJob job, StoredEmployer employer, int jobAt)
    {
        var tasks = (List<(StoredJob, StoredEmployer, int)>)Tasks;
        var profile = Index.Jobs[jobAt];
        var positions = new int[job.Fields.Tasks.Count];
        for (var t = 0; t < positions.Length; t++)
        {
            var task = job.Fields.Tasks[t];
            positions[t] = TaskIndex.AddTask(new TaskProfile(tasks.Count, profile.EmployerId, jobAt, SkillIds(task.SkillUris), task.HoursPerWeek,
                Load(task.PhysicalLoad), Load(task.MentalLoad), profile.Sector, profile.Municipality));
            tasks.Add((job, employer, t));
        }

        if (positions.Length > 0)
        {
            tasksOfJob[job.Id] = positions;
        }
    }

    /// <summary>Removes a job's tasks, highest position first, so the task moved into a freed place is never one still to remove.</summary>
    private void RemoveTasks(Guid jobId)
    {
        if (!tasksOfJob.Remove(jobId, out var positions))
        {
            return;
        }

        var tasks = (List<(StoredJob Job, StoredEmployer, int)>)Tasks;
        foreach (var at in positions.OrderDescending())
        {
            if (TaskIndex.RemoveTask(at) is var moved and >= 0)
            {
                tasks[at] = tasks[moved];
                var owner = tasks[at].Job.Id;
                // A copy: the previous snapshot still reads the old array.
                tasksOfJob[owner] = [.. tasksOfJob[owner].Select(p => p == moved ? at : p)];
            }

            tasks.RemoveAt(tasks.Count - 1);
        }
    }

    private int EmployerPosition(Guid employerId)
    {
        if (!employerIds.TryGetValue(employerId, out var at))
        {
            employerIds[employerId] = at = employerIds.Count;
        }

        return at;
    }
}
