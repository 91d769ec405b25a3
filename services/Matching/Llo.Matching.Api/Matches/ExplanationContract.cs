using Llo.Matching.Domain.Scoring;
using V1 = Llo.Contracts.Matching.V1;

namespace Llo.Matching.Api.Matches;

/// <summary>An engine explanation as the wire carries it: skills by URI and Dutch label, factors by name, gaps with training offers.</summary>
public static class ExplanationContract
{
    public static readonly IReadOnlyDictionary<MatchFactor, (string Code, string Label)> Factors = new Dictionary<MatchFactor, (string, string)>
    {
        [MatchFactor.EssentialSkills] = ("essential_skills", "Essentiële vaardigheden"),
        [MatchFactor.OptionalSkills] = ("optional_skills", "Aanvullende vaardigheden"),
        [MatchFactor.SkillStrength] = ("skill_strength", "Niveau en bewijs van je vaardigheden"),
        [MatchFactor.Hours] = ("hours", "Uren per week"),
        [MatchFactor.PhysicalLoad] = ("physical_load", "Lichamelijke belasting"),
        [MatchFactor.MentalLoad] = ("mental_load", "Mentale belasting"),
        [MatchFactor.SectorPreference] = ("sector_preference", "Voorkeur voor de sector"),
        [MatchFactor.Municipality] = ("municipality", "Gemeente"),
    };

    public static V1.MatchExplanation ToContract(MatchExplanation explanation, MatchSnapshot snapshot)
    {
        var answer = new V1.MatchExplanation { Score = explanation.Score, ScoringVersion = explanation.ScoringVersion };
        answer.Factors.AddRange(explanation.Factors.Select(f => new V1.FactorScore
        {
            Factor = Factors[f.Factor].Code,
            Label = Factors[f.Factor].Label,
            Value = Math.Round(f.Value, 4),
            Weight = f.Weight,
            Contribution = Math.Round(f.Contribution, 4),
        }));
        foreach (var matched in explanation.MatchedSkills)
        {
            var skill = snapshot.SkillRef(matched.SkillId);
            var entry = new V1.MatchedSkill { Uri = skill.Uri, Label = skill.Label, Essential = matched.Essential, Direct = matched.Direct, Credit = matched.Credit };
            if (matched.Direct)
            {
                entry.Note = "Je hebt deze vaardigheid.";
            }
            else if (matched.SimilarTo is { } similar)
            {
                entry.SimilarTo = snapshot.SkillRef(similar);
                entry.Note = $"Lijkt op je {entry.SimilarTo.Label}.";
            }

            answer.MatchedSkills.Add(entry);
        }

        answer.MissingEssential.AddRange(explanation.MissingEssential.Select(snapshot.SkillRef));
        answer.MissingOptional.AddRange(explanation.MissingOptional.Select(snapshot.SkillRef));
        answer.GapClosures.AddRange(explanation.GapClosures.Select(g => Gap(snapshot, g.SkillId, g.Essential, g.ScoreAfter, g.Gain)));
        return answer;
    }

    public static V1.GapClosure Gap(MatchSnapshot snapshot, int skillId, bool essential, double scoreAfter, double gain)
    {
        var skill = snapshot.SkillRef(skillId);
        var gap = new V1.GapClosure { Skill = skill, Essential = essential, ScoreAfter = scoreAfter, Gain = gain };
        gap.Trainings.AddRange(snapshot.TrainingsFor(skill.Uri));
        gap.Projects.AddRange(snapshot.ProjectsFor(skill.Uri));
        return gap;
    }
}
