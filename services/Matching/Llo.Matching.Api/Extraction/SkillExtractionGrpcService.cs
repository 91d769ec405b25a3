using Grpc.Core;
using Llo.Contracts.Matching.V1;
using Llo.Matching.Api.Access;
using Llo.Matching.Api.Taxonomy;
using ConceptKind = Llo.Matching.Domain.Extraction.ConceptKind;
using Microsoft.AspNetCore.Authorization;

namespace Llo.Matching.Api.Extraction;

/// <summary>
/// Proposes the skills and occupations a vacancy or CV text mentions. The text is personal data: it is only read,
/// never stored, logged or put in an event.
/// </summary>
public sealed class SkillExtractionGrpcService(LoadedTaxonomy loaded) : SkillExtractionService.SkillExtractionServiceBase
{
    public const int MaxTextLength = 20_000;

    [Authorize(Policy = MatchingPolicies.SkillsExtract)]
    public override async Task<ExtractSkillsResponse> ExtractSkills(ExtractSkillsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        TextField.Check(request.Text, "text", "De tekst", MaxTextLength, required: true, violations);
        violations.ThrowIfAny();

        var ready = await loaded.WhenReadyAsync(context.CancellationToken);
        var response = new ExtractSkillsResponse { Attribution = ready.Attribution, Taxonomy = ready.Taxonomy.Source };
        // The original text, not the trimmed one: positions must point into what the caller sent.
        foreach (var found in ready.Extractor.Extract(request.Text))
        {
            var concept = new ExtractedConcept
            {
                Uri = found.Uri,
                Label = found.Label,
                MatchedPhrase = found.MatchedPhrase,
                Start = found.Start,
                Length = found.Length,
                MatchedLabel = found.MatchedLabel,
                Confidence = Math.Round(found.Confidence, 3),
            };
            (found.Kind == ConceptKind.Skill ? response.Skills : response.Occupations).Add(concept);
        }

        return response;
    }
}
