using Llo.Hosting;
using Llo.Matching.Api.Extraction;
using Llo.Matching.Api.Taxonomy;

namespace Llo.Matching.Api;

/// <summary>The matching service's wiring, shared by Program and the tests that host it on real ports.</summary>
public static class MatchingApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        builder.AddLloApi(MatchingApi.Definition);

        // The taxonomy loads in the background so the service answers (503 until then) instead of blocking its start.
        builder.Services.AddSingleton<LoadedTaxonomy>();
        builder.Services.AddHostedService<TaxonomyLoading>();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapLloApi(api =>
        {
            api.MapGrpcService<TaxonomyGrpcService>();
            api.MapGrpcService<SkillExtractionGrpcService>();
        });
        return app;
    }
}
