using Grpc.Core;
using Llo.Contracts.Matching.V1;
using Microsoft.AspNetCore.Authorization;

namespace Llo.Matching.Api.Taxonomy;

/// <summary>Autocomplete over the taxonomy's Dutch and English labels; public, like the taxonomy itself.</summary>
public sealed class TaxonomyGrpcService(LoadedTaxonomy loaded) : TaxonomyService.TaxonomyServiceBase
{
    [AllowAnonymous]
    public override async Task<SearchSkillsResponse> SearchSkills(SearchSkillsRequest request, ServerCallContext context)
    {
        var (query, size) = SearchQuery.Check(request.Q, request.PageSize);
        var ready = await loaded.WhenReadyAsync(context.CancellationToken);
        var response = new SearchSkillsResponse { Attribution = ready.Attribution, Taxonomy = ready.Taxonomy.Source };
        foreach (var hit in ready.Skills.Search(query, size))
        {
            var skill = ready.Taxonomy.Skills[hit.ConceptId];
            response.Skills.Add(new SkillSummary
            {
                Uri = skill.Uri,
                Label = skill.Label,
                LabelNl = skill.LabelNl ?? "",
                LabelEn = skill.LabelEn,
                LabelNlModified = skill.LabelNlModified,
                Knowledge = skill.IsKnowledge,
                MatchedLabel = hit.MatchedLabel,
                Score = hit.Score,
                Fuzzy = hit.Fuzzy,
            });
        }

        return response;
    }

    [AllowAnonymous]
    public override async Task<SearchOccupationsResponse> SearchOccupations(SearchOccupationsRequest request, ServerCallContext context)
    {
        var (query, size) = SearchQuery.Check(request.Q, request.PageSize);
        var ready = await loaded.WhenReadyAsync(context.CancellationToken);
        var response = new SearchOccupationsResponse { Attribution = ready.Attribution, Taxonomy = ready.Taxonomy.Source };
        foreach (var hit in ready.Occupations.Search(query, size))
        {
            var occupation = ready.Taxonomy.Occupations[hit.ConceptId];
            response.Occupations.Add(new OccupationSummary
            {
                Uri = occupation.Uri,
                Label = occupation.Label,
                LabelNl = occupation.LabelNl ?? "",
                LabelEn = occupation.LabelEn,
                IscoGroup = occupation.IscoGroup,
                MatchedLabel = hit.MatchedLabel,
                Score = hit.Score,
                Fuzzy = hit.Fuzzy,
            });
        }

        return response;
    }
}
