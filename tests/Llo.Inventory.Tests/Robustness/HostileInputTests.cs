using System.Net;
using System.Text;
using Llo.Inventory.Tests.Infrastructure;

namespace Llo.Inventory.Tests.Robustness;

/// <summary>Input a user or a careless client can send: every answer is a 4xx that explains, never a 500.</summary>
public sealed class HostileInputTests(InventoryHost host) : IClassFixture<InventoryHost>
{
    private const string Api = "/api/inventory/v1";

    private Task<HttpResponseMessage> PostRawAsync(string path, string json) =>
        host.Json.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public static TheoryData<string> BadQueries => new()
    {
        "projects?pageSize=2147483647",
        "projects?pageSize=99999999999",
        "projects?pageSize=-1",
        "projects?pageToken=%25%25%25",
        "projects?q=" + new string('a', 10_000),
        "projects?q=%00",
        "projects?partner=%00",
        "projects?activeFrom=2022-02-30",
        "projects?focusLine=FOCUS_LINE_NOWHERE",
        "projects?focusLine=99",
        "projects/" + new string('x', 2000),
        "agendaItems?from=2022-02-30",
        "agendaItems?pageSize=2147483647",
        "agendaItems?organiser=%00",
        "deskQuestions?q=%00",
        "deskQuestions?pageSize=-5",
        "blindSpots?dimension=%00",
        "agenda.ics?q=%00",
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task A_bad_query_is_a_client_error(string pathAndQuery)
    {
        var response = await host.Json.GetAsync($"{Api}/{pathAndQuery}");

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { "agendaItems", """{"title":"Nul\u0000teken","date":"2022-09-15","startTime":"14:00","endTime":"15:00","place":"x","organiser":"y"}""" },
        { "agendaItems", """{"title":"Schrikkel","date":"2022-02-30","startTime":"14:00","endTime":"15:00","place":"x","organiser":"y"}""" },
        { "agendaItems", """{"title":null,"date":null,"startTime":null,"endTime":null,"place":null,"organiser":null,"projectIds":null}""" },
        { "agendaItems", """{"title":"Lege id","date":"2022-09-15","startTime":"14:00","endTime":"15:00","place":"x","organiser":"y","projectIds":[null]}""" },
        { "agendaItems", """{"title":"Tijd","date":"2022-09-15","startTime":"25:00","endTime":"99:99","place":"x","organiser":"y"}""" },
        { "agendaItems", """{"title":"Halve emoji \ud800","date":"2022-09-15","startTime":"14:00","endTime":"15:00","place":"x","organiser":"y"}""" },
        { "agendaItems", "null" },
        { "agendaItems", "[]" },
        { "agendaItems", "{" },
        { "deskQuestions", """{"topic":"Nul","question":"a\u0000b"}""" },
        { "deskQuestions", """{"topic":null,"question":null,"contact":null}""" },
        { "projects", """{"title":"Nul\u0000titel","status":"PROJECT_STATUS_IDEA"}""" },
        { "projects", """{"title":"Markering \u0002","status":"PROJECT_STATUS_IDEA"}""" },
        { "projects", """{"title":"Lege lijsten","status":"PROJECT_STATUS_IDEA","sectors":["\u0000\u0000"],"municipalities":[""]}""" },
        { "projects", """{"title":"Datum","status":"PROJECT_STATUS_IDEA","startDate":"2022-02-30"}""" },
        { "projects", """{"title":"Budget","status":"PROJECT_STATUS_IDEA","budgetEstimate":"1e400"}""" },
        { "projects", """{"title":"Budget","status":"PROJECT_STATUS_IDEA","budgetEstimate":"99999999999999999999999999999999"}""" },
        { "projects:findOverlaps", """{"title":"Nul\u0000","status":"PROJECT_STATUS_IDEA"}""" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_body_is_a_client_error_and_nothing_is_stored(string collection, string json)
    {
        var before = await host.CountAsync("SELECT (SELECT count(*) FROM projects) + (SELECT count(*) FROM agenda_items) + (SELECT count(*) FROM desk_questions)");

        var response = await PostRawAsync($"{Api}/{collection}", json);

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(before, await host.CountAsync("SELECT (SELECT count(*) FROM projects) + (SELECT count(*) FROM agenda_items) + (SELECT count(*) FROM desk_questions)"));
    }

    [Fact]
    public async Task Null_for_an_optional_field_means_not_given()
    {
        var response = await PostRawAsync($"{Api}/deskQuestions", """{"topic":"Nullvelden","question":"Vraag","contact":null,"municipality":null}""");

        var question = await ApiErrors.JsonAsync(response);
        Assert.False(question.GetProperty("hasContact").GetBoolean());
        Assert.Equal("", question.GetProperty("municipality").GetString());
    }

    [Fact]
    public async Task Unusual_but_valid_unicode_is_stored_and_found_as_typed()
    {
        const string title = "Café ☕ voor zij-instromers 👩🏽‍🔧 — Ĳsselmonde, עִבְרִית";
        var response = await PostRawAsync($"{Api}/agendaItems",
            $$"""{"title":"{{title}}","date":"2024-02-29","startTime":"9:00","endTime":"10:00","place":"Schiedam","organiser":"Unicodepartner","public":true}""");

        var created = await ApiErrors.JsonAsync(response);
        Assert.Equal(title, created.GetProperty("fields").GetProperty("title").GetString());
        var listed = await host.Json.GetStringAsync($"{Api}/agendaItems?organiser=Unicodepartner&q=instromers");
        Assert.Contains("2024-02-29", listed);
    }
}
