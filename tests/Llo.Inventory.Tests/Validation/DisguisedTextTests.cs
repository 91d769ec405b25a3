using System.Net;
using System.Text;
using Llo.Inventory.Tests.Infrastructure;

namespace Llo.Inventory.Tests.Validation;

/// <summary>Text that looks other than it is (reversed by a bidirectional override, split by a zero-width character) is refused by field.</summary>
public sealed class DisguisedTextTests(InventoryHost host) : IClassFixture<InventoryHost>
{
    private Task<HttpResponseMessage> PostAsync(string collection, string json) =>
        host.Json.PostAsync($"/api/inventory/v1/{collection}", new StringContent(json, Encoding.UTF8, "application/json"));

    [Theory]
    [InlineData("projects", """{"title":"Cursus \u202Egpj.exe","status":"PROJECT_STATUS_IDEA"}""", "project.title", "U+202E")]
    [InlineData("projects", """{"title":"Leerlijn","status":"PROJECT_STATUS_IDEA","sectors":["Tech\u200Bniek"]}""", "project.sectors[0]", "U+200B")]
    [InlineData("projects", """{"title":"Leerlijn","status":"PROJECT_STATUS_IDEA","partners":[{"organisation":"\u2067Riverboard\u2069","role":"PARTNER_ROLE_LEAD"}]}""", "project.partners[0].organisation", "U+2067")]
    [InlineData("projects", """{"title":"Leerlijn","status":"PROJECT_STATUS_IDEA","links":[{"title":"Site","url":"https://www.riverboard.nl/\u202Efdp.exe"}]}""", "project.links[0].url", "U+202E")]
    [InlineData("projects:findOverlaps", """{"title":"\uFEFFLeerlijn techniek"}""", "draft.title", "U+FEFF")]
    [InlineData("agendaItems", """{"title":"Netwerk\u2060avond","date":"2023-05-01","startTime":"10:00","endTime":"11:00","place":"Schiedam","organiser":"Riverboard"}""", "item.title", "U+2060")]
    [InlineData("deskQuestions", """{"topic":"Omscholing","question":"Wie helpt\u202D mij?"}""", "question.question", "U+202D")]
    public async Task A_disguising_character_is_refused_with_a_Dutch_error_naming_the_field(string collection, string json, string field, string code)
    {
        var before = await host.CountAsync("SELECT (SELECT count(*) FROM projects) + (SELECT count(*) FROM agenda_items) + (SELECT count(*) FROM desk_questions)");

        var response = await PostAsync(collection, json);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.Contains(field, await ApiErrors.JsonFieldsAsync(response));
        Assert.Contains(code, text);
        Assert.Contains("onzichtbare teken", text);
        Assert.Equal(before, await host.CountAsync("SELECT (SELECT count(*) FROM projects) + (SELECT count(*) FROM agenda_items) + (SELECT count(*) FROM desk_questions)"));
    }

    [Fact]
    public async Task Dutch_text_with_diacritics_and_emoji_sequences_is_accepted()
    {
        const string title = "Cursus één: reïntegratie café 🏳️‍🌈 👩🏽‍🔧 ❤️‍🔥";
        var response = await PostAsync("projects", $$"""{"title":"{{title}}","status":"PROJECT_STATUS_IDEA","sectors":["Zorg en welzijn 👩‍⚕️"]}""");

        var created = await response.JsonAsync();
        Assert.Equal(title, created.GetProperty("project").GetProperty("fields").GetProperty("title").GetString());
    }
}
