using Grpc.Core;
using Llo.Matching.Api.Matches;
using Llo.Matching.Api.Taxonomy;
using Npgsql;
using ConceptKind = Llo.Matching.Domain.Extraction.ConceptKind;
using Inventory = Llo.Contracts.Inventory.V1;

namespace Llo.Matching.Api.InventoryProjects;

/// <summary>
/// Reads inventory projects over the inventory's gRPC API (anonymously: a project's public facts are enough) and
/// derives the skills each trains with matching's own extraction, since the inventory knows no ESCO codes. Stores the
/// result and hands it to the match engine.
/// </summary>
public sealed class InventoryProjectReader(Inventory.ProjectService.ProjectServiceClient inventory, LoadedTaxonomy taxonomy, MatchEngine engine, TimeProvider time)
{
    public const int PageSize = 100;

    /// <summary>How long the sync waits for the taxonomy before it fails (and tries again).</summary>
    private static readonly TimeSpan TaxonomyWait = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The project as the inventory has it now, or null when the inventory does not know it (any more). While the
    /// taxonomy still loads (a first ESCO import takes minutes) it comes without skills rather than failing until the
    /// message is dead-lettered: the start-up sync, which waits for the taxonomy, derives them.
    /// </summary>
    public async Task<StoredInventoryProject?> ReadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            var project = await inventory.GetProjectAsync(new Inventory.GetProjectRequest { Id = id.ToString() }, cancellationToken: ct);
            return taxonomy.IsReady ? await DeriveAsync(project, ct) : Derive(project, []);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Every project of the inventory, archived ones included, page by page.</summary>
    public async Task<IReadOnlyList<StoredInventoryProject>> ReadAllAsync(CancellationToken ct)
    {
        var all = new List<StoredInventoryProject>();
        var request = new Inventory.ListProjectsRequest { IncludeArchived = true, PageSize = PageSize, OrderBy = "title" };
        do
        {
            var page = await inventory.ListProjectsAsync(request, cancellationToken: ct);
            foreach (var project in page.Projects)
            {
                all.Add(await DeriveAsync(project, ct));
            }

            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return all;
    }

    /// <summary>Stores what <see cref="ReadAsync"/> found for <paramref name="id"/> (null: forgets it) in <paramref name="tx"/>.</summary>
    public async Task ApplyAsync(NpgsqlTransaction tx, Guid id, StoredInventoryProject? project, CancellationToken ct)
    {
        if (project is null)
        {
            await InventoryProjectStore.DeleteAsync(tx, id, ct);
            engine.RemoveProject(id);
        }
        else if (await InventoryProjectStore.UpsertAsync(tx, project, ct))
        {
            // Handed over before the commit: should it fail, the message comes again and the same read follows.
            engine.Project(project);
        }
    }

    private async Task<StoredInventoryProject> DeriveAsync(Inventory.Project project, CancellationToken ct)
    {
        var ready = await taxonomy.WhenReadyAsync(ct, TaxonomyWait);
        var f = project.Fields;
        var text = string.Join(".\n", new[] { f.Title, f.Summary, f.Description }.Where(t => t.Length > 0));
        return Derive(project, ready.Extractor.Extract(text).Where(c => c.Kind == ConceptKind.Skill).Select(c => c.Uri).Distinct().ToList());
    }

    private StoredInventoryProject Derive(Inventory.Project project, IReadOnlyList<string> skills) =>
        new(Guid.Parse(project.Id), project.Fields.Title, project.Fields.Status.ToString(), project.Archived, skills, project.Version, StoredTime.Now(time));
}
