using Llo.Contracts.Inventory.V1;
using Llo.Inventory.Api.Overlaps;
using Llo.Inventory.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Llo.Inventory.Tests.Overlaps.Evaluation;

/// <summary>
/// The labelled evaluation of issue 7 against the seeded projects plus corpus.tsv. It holds the floors reached
/// (with and without ESCO: ESCO may be absent on a clean clone) and prints the figures; set LLO_OVERLAP_EVAL_OUT to a
/// file to keep them (bench/overlap/evaluate.sh does).
/// </summary>
public sealed class OverlapEvaluationTests(SeededInventoryHost host, ITestOutputHelper output) : IClassFixture<SeededInventoryHost>
{
    public const double RecallFloor = 0.95;
    public const double PrecisionFloor = 0.9;

    [Fact]
    public async Task Paraphrased_twins_are_found_and_unrelated_drafts_are_not_flagged_on_both_parts_of_the_evaluation_set()
    {
        await host.Services.GetRequiredService<OverlapLanguage>().WhenLoaded;
        var client = new ProjectService.ProjectServiceClient(host.Grpc);
        var ids = new Dictionary<string, string>(OverlapEvaluationSet.SeededKeys);
        foreach (var project in OverlapEvaluationSet.Corpus())
        {
            var created = await client.CreateProjectAsync(new CreateProjectRequest
            {
                Project = new ProjectFields
                {
                    Title = project.Title, Summary = project.Summary, Description = project.Description, Status = ProjectStatus.Running,
                },
            });
            ids[project.Key] = created.Project.Id;
        }

        var (figures, misses) = await OverlapEvaluation.RunAsync(client, ids);

        var report = OverlapEvaluation.Header + "\n" + string.Join("\n", figures.Select(f => f.Line())) + "\n\nMisses and extra pairs (tune part only):\n" + misses;
        output.WriteLine(report);
        if (Environment.GetEnvironmentVariable("LLO_OVERLAP_EVAL_OUT") is { Length: > 0 } file)
        {
            await File.WriteAllTextAsync(file, report);
        }

        Assert.All(figures, f =>
        {
            Assert.True(f.Twins >= 15 && f.NonTwins >= 15, $"{f.Part}: too few labelled drafts");
            Assert.True(f.Recall >= RecallFloor, $"{f.Part}: recall {f.Recall:0.00} below {RecallFloor}\n{report}");
            Assert.True(f.Precision >= PrecisionFloor, $"{f.Part}: precision {f.Precision:0.00} below {PrecisionFloor}\n{report}");
        });
    }
}
