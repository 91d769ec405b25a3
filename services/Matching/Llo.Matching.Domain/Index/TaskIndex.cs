using Llo.Matching.Domain.Scoring;

namespace Llo.Matching.Domain.Index;

/// <summary>
/// Postings from skill to the tasks that need it, for job carving: a task's fit is the share of its skills the
/// worker covers (similar skills count partly, as in <see cref="SkillCredits"/>) times how well its physical and
/// mental load fit the worker's capacity.
/// </summary>
public sealed class TaskIndex
{
    private readonly SkillSimilarity similarity;
    private readonly SkillPostings tasksBySkill;

    [ThreadStatic]
    private static float[]? coverage;

    [ThreadStatic]
    private static List<int>? touched;

    public TaskIndex(int skillCount, SkillSimilarity similarity, IReadOnlyList<TaskProfile> tasks)
    {
        this.similarity = similarity;
        Tasks = tasks;
        tasksBySkill = SkillPostings.Build(skillCount, tasks.Count, t => tasks[t].Skills.Select(s => (s, 1f)));
    }

    public IReadOnlyList<TaskProfile> Tasks { get; }

    public List<ScoredItem> TopTasks(WorkerProfile worker, int k)
    {
        var sums = coverage is { } c && c.Length >= Tasks.Count ? c : coverage = new float[Tasks.Count];
        var reached = touched ??= new List<int>(4096);
        foreach (var (skill, credit) in SkillCredits.For(worker, similarity).All)
        {
            foreach (var t in tasksBySkill.Items(skill))
            {
                if (sums[t] == 0)
                {
                    reached.Add(t);
                }

                sums[t] += credit.Value;
            }
        }

        var top = new TopK(k);
        foreach (var t in reached)
        {
            top.Offer(t, Fit(worker, Tasks[t], sums[t]));
            sums[t] = 0;
        }

        reached.Clear();
        return top.Result();
    }

    public static double Fit(WorkerProfile worker, TaskProfile task, double coveredCredit) =>
        task.Skills.Length == 0 ? 0 : coveredCredit / task.Skills.Length
            * MatchFactors.LoadFit(worker.Capacity.PhysicalLoad, task.PhysicalLoad)
            * MatchFactors.LoadFit(worker.Capacity.MentalLoad, task.MentalLoad);
}
