namespace Llo.Matching.Domain.Scoring;

/// <summary>Scores one worker against one job and explains it; the index ranks with the same arithmetic.</summary>
public sealed class MatchScorer(SkillSimilarity similarity, ScoringWeights weights)
{
    public ScoringWeights Weights => weights;

    public double Score(WorkerProfile worker, JobProfile job) => Score(SkillCredits.For(worker, similarity), worker, job);

    public double Score(SkillCredits credits, WorkerProfile worker, JobProfile job)
    {
        Span<double> factors = stackalloc double[ScoringWeights.FactorCount];
        FactorsOf(credits, worker, job, factors, skipSkill: -1);
        return weights.Score(factors);
    }

    public MatchExplanation Explain(WorkerProfile worker, JobProfile job)
    {
        var credits = SkillCredits.For(worker, similarity);
        Span<double> factors = stackalloc double[ScoringWeights.FactorCount];
        FactorsOf(credits, worker, job, factors, skipSkill: -1);
        var score = weights.Score(factors);
        var factorScores = new List<FactorScore>(ScoringWeights.FactorCount);
        for (var i = 0; i < ScoringWeights.FactorCount; i++)
        {
            factorScores.Add(new FactorScore((MatchFactor)i, factors[i], weights.Weights[i], weights.Weights[i] * factors[i]));
        }

        var matched = new List<MatchedSkill>();
        var missingEssential = new List<int>();
        var missingOptional = new List<int>();
        foreach (var (skills, essential) in new[] { (job.EssentialSkills, true), (job.OptionalSkills, false) })
        {
            foreach (var s in skills)
            {
                var c = credits.Of(s);
                if (c.Direct)
                {
                    matched.Add(new MatchedSkill(s, essential, true, null, 1));
                    continue;
                }

                if (c.Value > 0)
                {
                    matched.Add(new MatchedSkill(s, essential, false, c.FromSkill, Math.Round(c.Value, 3)));
                }

                (essential ? missingEssential : missingOptional).Add(s);
            }
        }

        var closures = missingEssential.Select(s => (s, true)).Concat(missingOptional.Select(s => (s, false)))
            .Select(gap =>
            {
                var after = ScoreWithSkill(credits, worker, job, gap.s);
                return new GapClosure(gap.s, gap.Item2, Math.Round(after, 4), Math.Round(after - score, 4));
            })
            .OrderByDescending(g => g.Gain)
            .ToList();
        return new MatchExplanation(Math.Round(score, 4), weights.Version, factorScores, matched, missingEssential, missingOptional, closures);
    }

    private double ScoreWithSkill(SkillCredits credits, WorkerProfile worker, JobProfile job, int gained)
    {
        Span<double> factors = stackalloc double[ScoringWeights.FactorCount];
        FactorsOf(credits, worker, job, factors, skipSkill: gained);
        return weights.Score(factors);
    }

    /// <summary>The factor vector; <paramref name="skipSkill"/> is a skill treated as newly acquired (claimed, level 3).</summary>
    private static void FactorsOf(SkillCredits credits, WorkerProfile worker, JobProfile job, Span<double> factors, int skipSkill)
    {
        float essential = 0, optional = 0, strength = 0;
        var direct = 0;
        var gainedStrength = SkillCredits.Strength(new WorkerSkill(skipSkill, 3, SkillEvidence.Claimed));
        foreach (var s in job.EssentialSkills)
        {
            var c = s == skipSkill ? new SkillCredits.Credit(1, gainedStrength, s, true) : credits.Of(s);
            essential += c.Value;
            if (c.Direct)
            {
                strength += c.Strength;
                direct++;
            }
        }

        foreach (var s in job.OptionalSkills)
        {
            var c = s == skipSkill ? new SkillCredits.Credit(1, gainedStrength, s, true) : credits.Of(s);
            optional += c.Value;
            if (c.Direct)
            {
                strength += c.Strength;
                direct++;
            }
        }

        MatchFactors.Compute(factors, essential, job.EssentialSkills.Length, optional, job.OptionalSkills.Length, strength, direct,
            worker, job.Hours, job.PhysicalLoad, job.MentalLoad, job.Sector, job.Municipality);
    }
}
