using Llo.Matching.Api.Employers;
using Llo.Matching.Api.InventoryProjects;
using Llo.Matching.Api.Taxonomy;
using Llo.Matching.Api.Trainings;
using Llo.Matching.Api.Validation;
using Llo.Matching.Api.Workers;
using Llo.Matching.Domain.Carving;
using Llo.Matching.Domain.Index;
using Llo.Matching.Domain.Scoring;
using Llo.Matching.Domain.Transitions;
using V1 = Llo.Contracts.Matching.V1;

namespace Llo.Matching.Api.Matches;

/// <summary>
/// The engine's view of the region at one moment: every twin turned into its profile (ESCO URIs into the taxonomy's
/// dense ids), the open jobs and their tasks in the in-memory indexes, and the training catalogue by skill. Immutable;
/// <see cref="MatchEngine"/> builds one at start and derives the next from it after writes (<see cref="With"/>).
/// </summary>
public sealed partial class MatchSnapshot
{
    public const int TrainingsPerGap = 3;

    public const int ProjectsPerGap = 3;

    private readonly Dictionary<Guid, int> workerIndex = [];
    // Never changed once built: the next snapshot shares them unless a training or project changed.
    private Dictionary<string, List<StoredTraining>> trainingsBySkill = new(StringComparer.Ordinal);
    private Dictionary<string, List<StoredInventoryProject>> projectsBySkill = new(StringComparer.Ordinal);

    private MatchSnapshot(ReadyTaxonomy ready)
    {
        Ready = ready;
        Scorer = new MatchScorer(ready.Similarity, ScoringWeights.Default);
        Carver = new TaskCarver(ready.Similarity);
        Transitions = new TransitionFinder(ready.Taxonomy, ready.Similarity);
    }

    public ReadyTaxonomy Ready { get; }

    public MatchScorer Scorer { get; }

    public TaskCarver Carver { get; }

    public TransitionFinder Transitions { get; }

    public MatchIndex Index { get; private set; } = null!;

    public TaskIndex TaskIndex { get; private set; } = null!;

    /// <summary>The open jobs in index order, with their employers.</summary>
    public IReadOnlyList<(StoredJob Job, StoredEmployer Employer)> Jobs { get; private set; } = [];

    /// <summary>The tasks in index order: their job and place in the job's list.</summary>
    public IReadOnlyList<(StoredJob Job, StoredEmployer Employer, int TaskIndex)> Tasks { get; private set; } = [];

    public IReadOnlyList<StoredWorker> Workers { get; private set; } = [];

    public static MatchSnapshot Build(ReadyTaxonomy ready, IEnumerable<StoredWorker> workers, IReadOnlyDictionary<Guid, StoredEmployer> employers,
        IEnumerable<StoredJob> jobs, IEnumerable<StoredTraining> trainings, IEnumerable<StoredInventoryProject>? projects = null)
    {
        var snapshot = new MatchSnapshot(ready);
        var workerList = workers.OrderBy(w => w.Id).ToList();
        var profiles = new List<WorkerProfile>(workerList.Count);
        foreach (var worker in workerList)
        {
            snapshot.workerIndex[worker.Id] = profiles.Count;
            profiles.Add(snapshot.Profile(worker.Fields, profiles.Count));
        }

        var employerIds = employers.Keys.Order().Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var openJobs = jobs.Where(j => j.Fields.Open && employers.ContainsKey(j.EmployerId)).OrderBy(j => j.Id)
            .Select(j => (Job: j, Employer: employers[j.EmployerId])).ToList();
        var jobProfiles = new List<JobProfile>(openJobs.Count);
        var tasks = new List<(StoredJob, StoredEmployer, int)>();
        var taskProfiles = new List<TaskProfile>();
        foreach (var (job, employer) in openJobs)
        {
            var jobProfile = snapshot.Profile(job, employer, jobProfiles.Count, employerIds[employer.Id]);
            jobProfiles.Add(jobProfile);
            for (var t = 0; t < job.Fields.Tasks.Count; t++)
            {
                var task = job.Fields.Tasks[t];
                taskProfiles.Add(new TaskProfile(taskProfiles.Count, jobProfile.EmployerId, jobProfile.Id, snapshot.SkillIds(task.SkillUris), task.HoursPerWeek,
                    Load(task.PhysicalLoad), Load(task.MentalLoad), jobProfile.Sector, jobProfile.Municipality));
                tasks.Add((job, employer, t));
            }
        }

        snapshot.IndexTrainings(trainings);
        snapshot.IndexProjects(projects ?? []);
        var skillCount = ready.Taxonomy.Skills.Count;
        snapshot.Workers = workerList;
        snapshot.Jobs = openJobs;
        snapshot.Tasks = tasks;
        snapshot.Index = new MatchIndex(skillCount, ready.Similarity, ScoringWeights.Default, jobProfiles, profiles);
        snapshot.TaskIndex = new TaskIndex(skillCount, ready.Similarity, taskProfiles);
        snapshot.RememberPositions(employerIds);
        return snapshot;
    }

    /// <summary>The profile of a twin's fields (fresh from the database or from the index), with <paramref name="id"/> as its dense id.</summary>
    public WorkerProfile Profile(V1.WorkerFields fields, int id = -1)
    {
        var skills = new List<WorkerSkill>(fields.Skills.Count);
        foreach (var skill in fields.Skills)
        {
            if (Ready.Taxonomy.FindSkill(skill.Uri) is { } known)
            {
                skills.Add(new WorkerSkill(known.Id, skill.Level == 0 ? 3 : skill.Level,
                    MatchingEnums.Evidence.ToDomain(skill.Evidence) ?? SkillEvidence.Claimed));
            }
        }

        var p = fields.Preferences ?? new V1.WorkerPreferences();
        var c = fields.Capacity ?? new V1.WorkCapacity();
        return new WorkerProfile(id, [.. skills],
            new WorkerPreferences(p.Sectors.ToHashSet(StringComparer.Ordinal), p.MinHours, p.MaxHours, p.Municipality.Length == 0 ? null : p.Municipality),
            new WorkCapacity(c.HoursPerWeek, Load(c.PhysicalLoad), Load(c.MentalLoad)));
    }

    public JobProfile Profile(StoredJob job, StoredEmployer employer, int id = -1, int employerId = -1)
    {
        var f = job.Fields;
        return new JobProfile(id, employerId, Ready.Taxonomy.FindOccupation(f.OccupationUri)?.Id ?? -1, SkillIds(f.EssentialSkillUris), SkillIds(f.OptionalSkillUris),
            f.HoursPerWeek, Load(f.PhysicalLoad), Load(f.MentalLoad), employer.Fields.Sector, f.Municipality);
    }

    /// <summary>The position of a worker in the index, or null when not in it.</summary>
    public int? WorkerPosition(Guid id) => workerIndex.TryGetValue(id, out var i) ? i : null;

    public IEnumerable<V1.TrainingSuggestion> TrainingsFor(string skillUri) =>
        trainingsBySkill.TryGetValue(skillUri, out var list) ? list.Take(TrainingsPerGap).Select(t => t.ToSuggestion()) : [];

    /// <summary>Running inventory projects that train the skill, at most <see cref="ProjectsPerGap"/>, by title.</summary>
    public IEnumerable<V1.ProjectSuggestion> ProjectsFor(string skillUri) =>
        projectsBySkill.TryGetValue(skillUri, out var list) ? list.Take(ProjectsPerGap).Select(p => p.ToSuggestion()) : [];

    private void IndexTrainings(IEnumerable<StoredTraining> trainings) =>
        trainingsBySkill = BySkill(
            trainings.OrderBy(t => t.Fields.CostCents).ThenBy(t => t.Fields.Title, StringComparer.Ordinal).ThenBy(t => t.Id),
            t => t.Fields.SkillUris);

    private void IndexProjects(IEnumerable<StoredInventoryProject> projects) =>
        projectsBySkill = BySkill(
            projects.Where(p => p.Running).OrderBy(p => p.Title, StringComparer.Ordinal).ThenBy(p => p.Id),
            p => p.SkillUris);

    /// <summary>The items under each skill URI they name, in the given order.</summary>
    private static Dictionary<string, List<T>> BySkill<T>(IEnumerable<T> ordered, Func<T, IEnumerable<string>> skillUris)
    {
        var bySkill = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        foreach (var item in ordered)
        {
            foreach (var uri in skillUris(item))
            {
                (bySkill.TryGetValue(uri, out var list) ? list : bySkill[uri] = []).Add(item);
            }
        }

        return bySkill;
    }

    public V1.SkillRef SkillRef(int skillId)
    {
        var skill = Ready.Taxonomy.Skills[skillId];
        return new V1.SkillRef { Uri = skill.Uri, Label = skill.Label };
    }

    public V1.JobSummary Summary(StoredJob job, StoredEmployer employer) => new()
    {
        JobId = job.Id.ToString(),
        EmployerId = employer.Id.ToString(),
        Title = job.Fields.Title,
        EmployerName = employer.Fields.Name,
        Occupation = new V1.SkillRef { Uri = job.Fields.OccupationUri, Label = Ready.LabelOfOccupation(job.Fields.OccupationUri) },
        Municipality = job.Fields.Municipality,
        Sector = employer.Fields.Sector,
        HoursPerWeek = job.Fields.HoursPerWeek,
    };

    private int[] SkillIds(IEnumerable<string> uris) =>
        uris.Select(u => Ready.Taxonomy.FindSkill(u)?.Id ?? -1).Where(id => id >= 0).Distinct().ToArray();

    private static LoadLevel Load(V1.LoadLevel load) => MatchingEnums.Loads.ToDomain(load) ?? LoadLevel.Moderate;
}
