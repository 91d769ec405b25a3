using Llo.Matching.Domain.Scoring;
using Llo.Matching.Domain.Taxonomy;

namespace Llo.Matching.Domain.Synthetic;

/// <summary>
/// A clearly synthetic region for benchmarks and tests, drawn with a fixed seed from the taxonomy: jobs are ESCO
/// occupations with most of their essential and some optional skills; each job is broken into tasks; workers carry
/// skills of an occupation they worked in plus a few from elsewhere. Municipalities are the Waterweg three.
/// </summary>
public sealed class SyntheticRegion
{
    public static readonly string[] Municipalities = ["Schiedam", "Vlaardingen", "Maassluis"];

    public required List<WorkerProfile> Workers { get; init; }
    public required List<JobProfile> Jobs { get; init; }
    public required List<TaskProfile> Tasks { get; init; }

    public static SyntheticRegion Generate(SkillTaxonomy taxonomy, int workers, int jobs, int tasksPerJob, int seed = 2026)
    {
        var random = new Random(seed);
        var occupations = taxonomy.Occupations.Where(o => o.EssentialSkills.Length >= 3).ToArray();
        var jobList = new List<JobProfile>(jobs);
        var taskList = new List<TaskProfile>(jobs * tasksPerJob);
        for (var j = 0; j < jobs; j++)
        {
            var o = occupations[random.Next(occupations.Length)];
            var essential = o.EssentialSkills.Where(_ => random.NextDouble() < 0.8).ToArray();
            if (essential.Length == 0)
            {
                essential = [o.EssentialSkills[0]];
            }

            var optional = o.OptionalSkills.Where(_ => random.NextDouble() < 0.3).Take(12).ToArray();
            var sector = taxonomy.OccupationSectors.TryGetValue(o.Id, out var known) ? known : Sectors.Codes[random.Next(Sectors.Codes.Length)];
            var job = new JobProfile(j, random.Next(jobs / 4 + 1), o.Id, essential, optional, 8 * random.Next(2, 6),
                (LoadLevel)random.Next(4), (LoadLevel)random.Next(4), sector, Municipalities[random.Next(3)]);
            jobList.Add(job);
            var pool = essential.Concat(optional).ToArray();
            for (var t = 0; t < tasksPerJob; t++)
            {
                var skills = Enumerable.Range(0, random.Next(2, 6)).Select(_ => pool[random.Next(pool.Length)]).Distinct().ToArray();
                taskList.Add(new TaskProfile(taskList.Count, job.EmployerId, j, skills, random.Next(2, 13),
                    (LoadLevel)random.Next(4), (LoadLevel)random.Next(4), sector, job.Municipality));
            }
        }

        var workerList = new List<WorkerProfile>(workers);
        for (var w = 0; w < workers; w++)
        {
            var o = occupations[random.Next(occupations.Length)];
            var own = o.EssentialSkills.Concat(o.OptionalSkills).Where(_ => random.NextDouble() < 0.4).Take(20);
            var other = Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(taxonomy.Skills.Count));
            var skills = own.Concat(other).Distinct()
                .Select(s => new WorkerSkill(s, random.Next(1, 6), (SkillEvidence)random.Next(3)))
                .ToArray();
            if (skills.Length == 0)
            {
                skills = [new WorkerSkill(o.EssentialSkills[0], 3, SkillEvidence.Claimed)];
            }

            var sectors = random.NextDouble() < 0.5
                ? new HashSet<string>()
                : new HashSet<string> { Sectors.Codes[random.Next(Sectors.Codes.Length)] };
            var hours = 8 * random.Next(1, 6);
            workerList.Add(new WorkerProfile(w, skills,
                new WorkerPreferences(sectors, 0, hours, random.NextDouble() < 0.7 ? Municipalities[random.Next(3)] : null),
                new WorkCapacity(hours, (LoadLevel)random.Next(4), (LoadLevel)random.Next(4))));
        }

        return new SyntheticRegion { Workers = workerList, Jobs = jobList, Tasks = taskList };
    }
}
