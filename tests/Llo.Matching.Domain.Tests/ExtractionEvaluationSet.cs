using Llo.Matching.Domain.Extraction;
using Llo.Matching.Domain.Taxonomy;

namespace Llo.Matching.Domain.Tests;

/// <summary>
/// A labelled set built from ESCO itself: for every tenth occupation (by URI), a Dutch and an English vacancy whose
/// title is one of the occupation's alternative labels, whose body is ESCO's description of it, and which asks for
/// four of its essential skills in carrier sentences (English: an alternative label; Dutch: the Dutch label, an
/// alternative one when ESCO has it). Gold: the occupation and the skills asked for. A proposed skill also counts as
/// right when it is one of the occupation's ESCO skills (descriptions name them in their own words); anything else is
/// wrong. A quarter of the occupations is held out: the threshold and weights were tuned on the rest only.
/// </summary>
public static class ExtractionEvaluationSet
{
    private static readonly string[] DutchCarriers =
    [
        "Je kunt {0}.", "Wij zoeken iemand die kan {0}.", "Taken: {0}, en meer.", "Ervaring met {0} is een pré.",
        "Je bent verantwoordelijk voor {0}.", "Belangrijk: {0}!",
    ];

    private static readonly string[] EnglishCarriers =
    [
        "You can {0}.", "We are looking for someone able to {0}.", "Tasks: {0}, and more.", "Experience to {0} is a plus.",
        "You are responsible to {0}.", "Important: {0}!",
    ];

    public sealed record Document(string Text, int Occupation, int[] GoldSkills, bool HeldOut, bool Dutch);

    public static List<Document> Build(SkillTaxonomy taxonomy)
    {
        var documents = new List<Document>();
        var occupations = taxonomy.Occupations.OrderBy(o => o.Uri, StringComparer.Ordinal).ToList();
        for (var i = 0; i < occupations.Count; i += 10)
        {
            var o = occupations[i];
            var heldOut = i / 10 % 4 == 0;
            var random = new Random(i);
            var dutchSkills = o.EssentialSkills.Where(s => taxonomy.Skills[s].LabelNl is not null).OrderBy(_ => random.Next()).Take(4).ToArray();
            if (o.DescriptionNl is not null && dutchSkills.Length > 0)
            {
                var title = o.AltLabelsNl.Length > 0 ? o.AltLabelsNl[random.Next(o.AltLabelsNl.Length)] : o.Label;
                var sentences = dutchSkills.Select(s =>
                {
                    var skill = taxonomy.Skills[s];
                    var label = skill.AltLabelsNl.Length > 0 ? skill.AltLabelsNl[random.Next(skill.AltLabelsNl.Length)] : skill.LabelNl!;
                    return string.Format(DutchCarriers[random.Next(DutchCarriers.Length)], label);
                });
                documents.Add(new Document($"Vacature: {title}\n{o.DescriptionNl}\n{string.Join(' ', sentences)}", o.Id, dutchSkills, heldOut, true));
            }

            var englishSkills = o.EssentialSkills.Where(s => taxonomy.Skills[s].AltLabelsEn.Length > 1).OrderBy(_ => random.Next()).Take(4).ToArray();
            if (o.DescriptionEn is not null && englishSkills.Length > 0)
            {
                var title = o.AltLabelsEn.Length > 0 ? o.AltLabelsEn[random.Next(o.AltLabelsEn.Length)] : o.LabelEn;
                var sentences = englishSkills.Select(s =>
                {
                    var alternatives = taxonomy.Skills[s].AltLabelsEn.Where(a => a != taxonomy.Skills[s].LabelEn).ToArray();
                    return string.Format(EnglishCarriers[random.Next(EnglishCarriers.Length)], alternatives[random.Next(alternatives.Length)]);
                });
                documents.Add(new Document($"Vacancy: {title}\n{o.DescriptionEn}\n{string.Join(' ', sentences)}", o.Id, englishSkills, heldOut, false));
            }
        }

        return documents;
    }

    public sealed record Figures(int Documents, double Precision, double Recall, double SkillRecall, double OccupationRecall);

    public static Figures Measure(SkillExtractor extractor, SkillTaxonomy taxonomy, IEnumerable<Document> documents, double threshold)
    {
        int proposed = 0, right = 0, gold = 0, found = 0, goldSkills = 0, foundSkills = 0, docs = 0, foundOccupations = 0;
        foreach (var d in documents)
        {
            docs++;
            var proposals = extractor.Extract(d.Text, threshold);
            var occupation = taxonomy.Occupations[d.Occupation];
            var relevant = occupation.EssentialSkills.Concat(occupation.OptionalSkills).ToHashSet();
            proposed += proposals.Count;
            right += proposals.Count(p => p.Kind == ConceptKind.Skill ? relevant.Contains(p.ConceptId) : p.ConceptId == d.Occupation);
            var skills = proposals.Where(p => p.Kind == ConceptKind.Skill).Select(p => p.ConceptId).ToHashSet();
            var hitOccupation = proposals.Any(p => p.Kind == ConceptKind.Occupation && p.ConceptId == d.Occupation);
            goldSkills += d.GoldSkills.Length;
            foundSkills += d.GoldSkills.Count(skills.Contains);
            foundOccupations += hitOccupation ? 1 : 0;
            gold += d.GoldSkills.Length + 1;
            found += d.GoldSkills.Count(skills.Contains) + (hitOccupation ? 1 : 0);
        }

        return new Figures(docs, (double)right / Math.Max(1, proposed), (double)found / Math.Max(1, gold),
            (double)foundSkills / Math.Max(1, goldSkills), (double)foundOccupations / Math.Max(1, docs));
    }
}
