using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Llo.Identity.Tests.Rights;

/// <summary>
/// Guardianships under /api/identity/v1/guardianships: the child's organisation (an administrator or the
/// privacy-officer) links a parent to a child, the parent sees their own links, and a parent's consent for a child is
/// accepted only while a link exists.
/// </summary>
public sealed class GuardianshipTests(IdentityHost host) : IClassFixture<IdentityHost>
{
    private const string Guardianships = "/api/identity/v1/guardianships";
    private const string Consents = "/api/identity/v1/consents";
    private static readonly string TenYearsAgo = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-10).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_parent_consents_for_a_child_only_while_the_childs_organisation_has_linked_them()
    {
        var (manager, _) = await AsAsync("programme-manager@demo1.llo.test");
        var (officer, _) = await AsAsync("privacy-officer@demo1.llo.test");
        var (otherOperator, _) = await AsAsync("operator@demo2.llo.test");
        var (parent, parentId) = await AsAsync("parent@demo1.llo.test");
        var (stranger, _) = await AsAsync("worker@demo2.llo.test");
        var child = Guid.NewGuid().ToString();
        var unlinkedChild = Guid.NewGuid().ToString();

        var link = await IdentityHost.SuccessAsync(await manager.PostAsJsonAsync(Guardianships, new { parentId, childId = child }));
        using var twice = await manager.PostAsJsonAsync(Guardianships, new { parentId, childId = child });
        await IdentityHost.SuccessAsync(await parent.PostAsJsonAsync(Consents,
            new { personId = child, purpose = "pupil-progress-to-school", childBirthDate = TenYearsAgo }));
        using var unlinked = await parent.PostAsJsonAsync(Consents,
            new { personId = unlinkedChild, purpose = "pupil-progress-to-school", childBirthDate = TenYearsAgo });
        var parentsOwn = await IdentityHost.SuccessAsync(await parent.GetAsync(Guardianships));
        var organisations = await IdentityHost.SuccessAsync(await officer.GetAsync($"{Guardianships}?childId={child}"));
        var strangersOwn = await IdentityHost.SuccessAsync(await stranger.GetAsync(Guardianships));
        using var strangerAsksForParent = await stranger.GetAsync($"{Guardianships}?parentId={parentId}");
        var id = link.GetProperty("id").GetString()!;
        using var strangerReads = await stranger.GetAsync($"{Guardianships}/{id}");
        using var otherOrganisationRemoves = await otherOperator.DeleteAsync($"{Guardianships}/{id}");
        using var parentRemoves = await parent.DeleteAsync($"{Guardianships}/{id}");
        using var removed = await officer.DeleteAsync($"{Guardianships}/{id}?version=1");
        using var afterRemoval = await parent.PostAsJsonAsync(Consents,
            new { personId = child, purpose = "contact-details-to-partners", childBirthDate = TenYearsAgo });

        Assert.Equal(parentId, link.GetProperty("fields").GetProperty("parentId").GetString());
        Assert.Equal("11111111-1111-4111-8111-111111111111", link.GetProperty("organisationId").GetString());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unlinked.StatusCode);
        Assert.Contains("consent.personId", (await IdentityHost.BodyAsync(unlinked)).GetProperty("message").GetString());
        Assert.Equal([id], Ids(parentsOwn));
        Assert.Equal([id], Ids(organisations));
        Assert.Empty(Ids(strangersOwn));
        Assert.Equal(HttpStatusCode.Forbidden, strangerAsksForParent.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, strangerReads.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherOrganisationRemoves.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, parentRemoves.StatusCode);
        Assert.True(removed.IsSuccessStatusCode, await removed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, afterRemoval.StatusCode);
    }

    [Fact]
    public async Task A_bad_link_is_refused_naming_the_field_and_only_the_childs_organisation_links_a_child_with_an_account()
    {
        var (manager, _) = await AsAsync("programme-manager@demo1.llo.test");
        var (coach, _) = await AsAsync("coach@demo1.llo.test");
        var (_, parentId) = await AsAsync("parent@demo1.llo.test");
        var (_, workerId) = await AsAsync("worker@demo1.llo.test");
        var (_, otherOrganisationsWorker) = await AsAsync("worker@demo2.llo.test");

        using var badIds = await manager.PostAsJsonAsync(Guardianships, new { parentId = "ouder", childId = "" });
        using var notAParent = await manager.PostAsJsonAsync(Guardianships, new { parentId = workerId, childId = Guid.NewGuid() });
        using var unknownParent = await manager.PostAsJsonAsync(Guardianships, new { parentId = Guid.NewGuid(), childId = Guid.NewGuid() });
        using var self = await manager.PostAsJsonAsync(Guardianships, new { parentId, childId = parentId });
        using var notStaff = await coach.PostAsJsonAsync(Guardianships, new { parentId, childId = Guid.NewGuid() });
        using var otherOrganisationsChild = await manager.PostAsJsonAsync(Guardianships, new { parentId, childId = otherOrganisationsWorker });
        var ownChild = await IdentityHost.SuccessAsync(await manager.PostAsJsonAsync(Guardianships, new { parentId, childId = workerId }));
        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM guardianships", connection);

        Assert.Equal(["guardianship.parentId", "guardianship.childId"], await FieldsAsync(badIds));
        Assert.Equal(["guardianship.parentId"], await FieldsAsync(notAParent));
        Assert.Equal(["guardianship.parentId"], await FieldsAsync(unknownParent));
        Assert.Equal(["guardianship.childId"], await FieldsAsync(self));
        Assert.Equal(HttpStatusCode.Forbidden, notStaff.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherOrganisationsChild.StatusCode);
        Assert.Equal(workerId, ownChild.GetProperty("fields").GetProperty("childId").GetString());
        Assert.Equal(1L, (long)(await count.ExecuteScalarAsync())!);
    }

    private static List<string> Ids(JsonElement list) =>
        list.TryGetProperty("guardianships", out var items) ? [.. items.EnumerateArray().Select(g => g.GetProperty("id").GetString()!)] : [];

    private static async Task<List<string>> FieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await IdentityHost.BodyAsync(response);
        return [.. error.GetProperty("details")[0].GetProperty("fieldViolations").EnumerateArray().Select(v => v.GetProperty("field").GetString()!)];
    }

    private Task<(HttpClient Client, string UserId)> AsAsync(string userName) => host.UserAsync(userName);
}
