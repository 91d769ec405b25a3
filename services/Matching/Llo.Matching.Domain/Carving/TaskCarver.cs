using Llo.Matching.Domain.Scoring;

namespace Llo.Matching.Domain.Carving;

/// <summary>A carved bundle of tasks that together fit a person's hours and capacity, with each task's fit.</summary>
public sealed record CarvedBundle(IReadOnlyList<CarvedTask> Tasks, int Hours, int Employers, double Score);

/// <summary>One task of a bundle: its fit and which of its skills the person covers or lacks.</summary>
public sealed record CarvedTask(TaskProfile Task, double Fit, IReadOnlyList<int> CoveredSkills, IReadOnlyList<int> MissingSkills);

/// <summary>
/// Job carving: from candidate tasks of one or several employers, the bundle that fills the person's hours best
/// (a 0/1 knapsack on hours, value = fit × hours) without any task above their physical or mental capacity. One
/// employer is simpler for everyone: when a single employer's best bundle reaches <see cref="SingleEmployerShare"/>
/// of the best mixed bundle, that one is proposed instead.
/// </summary>
public sealed class TaskCarver(SkillSimilarity similarity)
{
    public const double MinimumFit = 0.5;
    public const double SingleEmployerShare = 0.9;

    public CarvedBundle Carve(WorkerProfile worker, IEnumerable<TaskProfile> candidates)
    {
        var credits = SkillCredits.For(worker, similarity);
        var hours = worker.Preferences.MaxHours > 0 ? Math.Min(worker.Capacity.HoursPerWeek, worker.Preferences.MaxHours) : worker.Capacity.HoursPerWeek;
        var fitting = candidates
            .Where(t => t.Hours > 0 && t.Hours <= hours && t.PhysicalLoad <= worker.Capacity.PhysicalLoad && t.MentalLoad <= worker.Capacity.MentalLoad)
            .Select(t => (Task: t, Fit: t.Skills.Length == 0 ? 0.0 : (double)t.Skills.Sum(s => credits.Of(s).Value) / t.Skills.Length))
            .Where(x => x.Fit >= MinimumFit)
            .OrderByDescending(x => x.Fit).ThenBy(x => x.Task.Id)
            .Take(200)
            .ToList();
        var mixed = Knapsack(fitting, hours);
        var best = mixed;
        foreach (var employer in fitting.Select(x => x.Task.EmployerId).Distinct())
        {
            var single = Knapsack(fitting.Where(x => x.Task.EmployerId == employer).ToList(), hours);
            if (single.Value >= SingleEmployerShare * mixed.Value && (best == mixed || single.Value > best.Value))
            {
                best = single;
            }
        }

        var tasks = best.Items.Select(x => new CarvedTask(x.Task, Math.Round(x.Fit, 3),
            x.Task.Skills.Where(s => credits.Of(s).Value > 0).ToList(),
            x.Task.Skills.Where(s => !credits.Of(s).Direct).ToList())).ToList();
        var total = tasks.Sum(t => t.Task.Hours);
        // Score: fit weighted by hours, times how much of the person's hours the bundle fills.
        var score = total == 0 ? 0 : best.Value / total * Math.Min(1.0, (double)total / hours);
        return new CarvedBundle(tasks, total, tasks.Select(t => t.Task.EmployerId).Distinct().Count(), Math.Round(score, 4));
    }

    private static (double Value, List<(TaskProfile Task, double Fit)> Items) Knapsack(List<(TaskProfile Task, double Fit)> items, int capacity)
    {
        var value = new double[items.Count + 1, capacity + 1];
        for (var i = 1; i <= items.Count; i++)
        {
            var (task, fit) = items[i - 1];
            for (var h = 0; h <= capacity; h++)
            {
                value[i, h] = value[i - 1, h];
                if (task.Hours <= h)
                {
                    value[i, h] = Math.Max(value[i, h], value[i - 1, h - task.Hours] + fit * task.Hours);
                }
            }
        }

        var chosen = new List<(TaskProfile, double)>();
        for (int i = items.Count, h = capacity; i > 0; i--)
        {
            if (value[i, h] != value[i - 1, h])
            {
                chosen.Add(items[i - 1]);
                h -= items[i - 1].Task.Hours;
            }
        }

        chosen.Reverse();
        return (value[items.Count, capacity], chosen);
    }
}
