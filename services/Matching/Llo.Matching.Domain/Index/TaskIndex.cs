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

    [ThreadStatic]
    private static DenseCredits? denseCredits;

    private readonly int skillCount;
    private readonly List<TaskProfile> tasks;

    public TaskIndex(int skillCount, SkillSimilarity similarity, IReadOnlyList<TaskProfile> tasks)
    {
        this.similarity = similarity;
        this.skillCount = skillCount;
        this.tasks = [.. tasks];
        tasksBySkill = SkillPostings.Build(skillCount, tasks.Count, t => tasks[t].Skills.Distinct().Select(s => (s, 1f)));
    }

    private TaskIndex(TaskIndex from)
    {
        similarity = from.similarity;
        skillCount = from.skillCount;
        tasks = [.. from.tasks];
        tasksBySkill = from.tasksBySkill.Fork();
    }

    public IReadOnlyList<TaskProfile> Tasks => tasks;

    /// <summary>A copy to edit while queries keep reading this one (the same contract as <see cref="MatchIndex.Fork"/>).</summary>
    public TaskIndex Fork() => new(this);

    /// <summary>Adds a task at the end; returns its position (also its <c>Id</c>).</summary>
    public int AddTask(TaskProfile task)
    {
        var at = tasks.Count;
        tasks.Add(task with { Id = at });
        foreach (var skill in task.Skills.Distinct())
        {
            tasksBySkill.Add(skill, at, 1f);
        }

        return at;
    }

    /// <summary>Changes a task's fields other than its skills and position (its job moved).</summary>
    public void ReplaceTaskKeepingSkills(int at, TaskProfile task)
    {
        if (!tasks[at].Skills.AsSpan().SequenceEqual(task.Skills))
        {
            throw new ArgumentException("A task's skills change only through RemoveTask and AddTask.", nameof(task));
        }

        tasks[at] = task with { Id = at };
    }

    /// <summary>Removes the task at <paramref name="at"/>; the last task moves into its place. Returns the moved task's old position, or -1.</summary>
    public int RemoveTask(int at)
    {
        foreach (var skill in tasks[at].Skills.Distinct())
        {
            tasksBySkill.Remove(skill, at);
        }

        var last = tasks.Count - 1;
        if (at != last)
        {
            var moved = tasks[last];
            foreach (var skill in moved.Skills.Distinct())
            {
                tasksBySkill.Rename(skill, last, at);
            }

            tasks[at] = moved with { Id = at };
        }

        tasks.RemoveAt(last);
        return at == last ? -1 : last;
    }

    public List<ScoredItem> TopTasks(WorkerProfile worker, int k)
    {
        var sums = coverage is { } c && c.Length >= Tasks.Count ? c : coverage = new float[Tasks.Count];
        var reached = touched ??= new List<int>(4096);
        var credits = denseCredits ??= new DenseCredits();
        credits.Fill(worker, similarity, skillCount);
        foreach (var skill in credits.Order)
        {
            var value = credits.Value[skill];
            foreach (var t in tasksBySkill.Items(skill))
            {
                if (sums[t] == 0)
                {
                    reached.Add(t);
                }

                sums[t] += value;
            }
        }

        var top = new TopK(k);
        foreach (var t in reached)
        {
            top.Offer(t, Fit(worker, tasks[t], sums[t]));
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
