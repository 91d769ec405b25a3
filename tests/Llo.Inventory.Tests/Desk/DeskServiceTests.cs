using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Llo.Contracts.Common.V1;
using Llo.Contracts.Inventory.V1;
using Llo.Inventory.Tests.Infrastructure;

namespace Llo.Inventory.Tests.Desk;

public sealed class DeskServiceTests(InventoryHost host) : IClassFixture<InventoryHost>
{
    private const string Questions = "/api/inventory/v1/deskQuestions";

    private async Task<JsonElement> SubmitAsync(object question) => await (await host.Json.PostAsJsonAsync(Questions, question)).JsonAsync();

    private async Task<string> SubmitSimpleAsync(string topic) =>
        (await SubmitAsync(new { topic, question = "Waar vinden mbo-leerlingen een stage?" })).GetProperty("id").GetString()!;

    [Fact]
    public async Task A_question_is_routed_by_its_words_and_stored_as_new()
    {
        var submitted = await SubmitAsync(new { topic = "Weer aan het werk", question = "Ik ben herintreder en zit in de bijstand.", municipality = "schiedam" });

        Assert.Equal("DESK_QUESTION_STATUS_NEW", submitted.GetProperty("status").GetString());
        Assert.Equal("FOCUS_LINE_HOME_TO_WORK", submitted.GetProperty("focusLine").GetString());
        Assert.Contains("Stroomopwaarts", submitted.GetProperty("routedTo").GetString());
        Assert.Equal("Schiedam", submitted.GetProperty("municipality").GetString());
        var read = await (await host.Json.GetAsync($"{Questions}/{submitted.GetProperty("id").GetString()}")).JsonAsync();
        Assert.Equal(submitted.GetProperty("routedTo").GetString(), read.GetProperty("routedTo").GetString());
    }

    [Fact]
    public async Task A_chosen_focus_line_decides_the_route()
    {
        var submitted = await SubmitAsync(new { topic = "Vraag", question = "Over bijstand", focusLine = "FOCUS_LINE_SCHOOL_TO_WORK" });

        Assert.Equal("Projectleider School naar Werk", submitted.GetProperty("routedTo").GetString());
    }

    [Fact]
    public async Task Contact_details_without_consent_are_refused_per_field_and_nothing_is_stored()
    {
        var response = await host.Json.PostAsJsonAsync(Questions, new
        {
            topic = "Zonder toestemming",
            question = "Vraag",
            contact = new { consent = false, name = "Jan Jansen", email = "jan@example.nl" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["question.contact.name", "question.contact.email"], await ApiErrors.JsonFieldsAsync(response));
        Assert.Equal(0, await ProjectRows.CountAsync(host.Database, "SELECT count(*) FROM desk_questions WHERE topic = 'Zonder toestemming'"));
    }

    [Fact]
    public async Task Every_bad_field_is_named()
    {
        var response = await host.Json.PostAsJsonAsync(Questions, new
        {
            topic = "",
            question = new string('x', 4001),
            municipality = "Delft",
            campus = "Nergens",
            contact = new { consent = true, email = "geen-adres", phone = "bel me" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["question.topic", "question.question", "question.municipality", "question.campus", "question.contact.email", "question.contact.phone"],
            await ApiErrors.JsonFieldsAsync(response));
    }

    [Fact]
    public async Task Contact_details_are_kept_with_consent_shown_only_by_get_and_never_in_lists_or_events()
    {
        var submitted = await SubmitAsync(new
        {
            topic = "Contactvraag uniek",
            question = "Kan iemand mij bellen over omscholing?",
            contact = new { consent = true, name = "Fatima el Amrani", email = "fatima@example.nl", phone = "+31 6 1234 5678" },
        });
        var id = submitted.GetProperty("id").GetString()!;

        var read = await (await host.Json.GetAsync($"{Questions}/{id}")).JsonAsync();
        Assert.Equal("fatima@example.nl", read.GetProperty("contact").GetProperty("email").GetString());
        Assert.True(read.GetProperty("hasContact").GetBoolean());

        var listText = await (await host.Json.GetAsync($"{Questions}?q=contactvraag")).Content.ReadAsStringAsync();
        var listed = JsonDocument.Parse(listText).RootElement.GetProperty("questions").EnumerateArray().Single();
        Assert.True(listed.GetProperty("hasContact").GetBoolean());
        Assert.False(listed.TryGetProperty("contact", out _));
        Assert.DoesNotContain("fatima", listText, StringComparison.OrdinalIgnoreCase);

        var events = await ProjectRows.OutboxAsync(host.Database, "inventory.desk-question-received");
        var evt = Assert.Single(events, e => e.Contains(id));
        Assert.DoesNotContain("fatima", evt, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("1234", evt);
        Assert.Contains("Projectleider Werk naar Werk", evt);
    }

    [Fact]
    public async Task A_question_moves_from_new_to_assigned_to_answered_to_closed()
    {
        var id = await SubmitSimpleAsync("Workflow volledig");
        var path = $"{Questions}/{id}";

        var assigned = await (await host.Json.PostAsJsonAsync($"{path}:assign", new { })).JsonAsync();
        Assert.Equal("DESK_QUESTION_STATUS_ASSIGNED", assigned.GetProperty("status").GetString());
        Assert.Equal("Projectleider School naar Werk", assigned.GetProperty("assignee").GetString());

        var answered = await (await host.Json.PostAsJsonAsync($"{path}:answer", new { answer = "Kijk bij de campus Technoplaza." })).JsonAsync();
        Assert.Equal("DESK_QUESTION_STATUS_ANSWERED", answered.GetProperty("status").GetString());

        var closed = await (await host.Json.PostAsJsonAsync($"{path}:close", new { })).JsonAsync();
        Assert.Equal("DESK_QUESTION_STATUS_CLOSED", closed.GetProperty("status").GetString());
        Assert.Equal("Kijk bij de campus Technoplaza.", closed.GetProperty("answer").GetString());
        Assert.True(closed.TryGetProperty("closedAt", out _));
    }

    [Fact]
    public async Task Steps_out_of_order_are_refused_as_a_failed_precondition_and_an_answer_needs_text()
    {
        var id = await SubmitSimpleAsync("Workflow fout");
        var path = $"{Questions}/{id}";

        // The question's state forbids the step (conventions: FailedPrecondition, 400), unlike a stale version (409).
        var early = await host.Json.PostAsJsonAsync($"{path}:answer", new { answer = "Te vroeg" });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Equal((int)Grpc.Core.StatusCode.FailedPrecondition,
            System.Text.Json.JsonDocument.Parse(await early.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Json.PostAsJsonAsync($"{path}:close", new { })).StatusCode);
        await (await host.Json.PostAsJsonAsync($"{path}:assign", new { assignee = "Albeda" })).JsonAsync();

        var empty = await host.Json.PostAsJsonAsync($"{path}:answer", new { answer = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(["answer"], await ApiErrors.JsonFieldsAsync(empty));

        var read = await (await host.Json.GetAsync(path)).JsonAsync();
        Assert.Equal("DESK_QUESTION_STATUS_ASSIGNED", read.GetProperty("status").GetString());
        Assert.Equal("Albeda", read.GetProperty("assignee").GetString());
    }

    [Fact]
    public async Task Unknown_questions_are_not_found()
    {
        var unknown = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await host.Json.GetAsync($"{Questions}/{unknown}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Json.PostAsJsonAsync($"{Questions}/{unknown}:assign", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Json.GetAsync($"{Questions}/geen-id")).StatusCode);
    }

    [Fact]
    public async Task The_list_filters_by_status_focus_line_and_municipality_and_pages()
    {
        for (var i = 0; i < 3; i++)
        {
            await SubmitAsync(new { topic = $"Lijstvraag {i}", question = "Omscholing voor werknemers", municipality = "Maassluis" });
        }

        var first = await (await host.Json.GetAsync($"{Questions}?municipality=Maassluis&focusLine=FOCUS_LINE_WORK_TO_WORK&status=DESK_QUESTION_STATUS_NEW&pageSize=2")).JsonAsync();
        Assert.Equal(3, first.GetProperty("totalSize").GetInt32());
        Assert.Equal(["Lijstvraag 2", "Lijstvraag 1"], first.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("topic").GetString()));
        var token = first.GetProperty("nextPageToken").GetString();
        var second = await (await host.Json.GetAsync($"{Questions}?municipality=Maassluis&focusLine=FOCUS_LINE_WORK_TO_WORK&status=DESK_QUESTION_STATUS_NEW&pageSize=2&pageToken={token}")).JsonAsync();
        Assert.Equal(["Lijstvraag 0"], second.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("topic").GetString()));

        var closed = await (await host.Json.GetAsync($"{Questions}?municipality=Maassluis&status=DESK_QUESTION_STATUS_CLOSED")).JsonAsync();
        Assert.Equal(0, closed.TryGetProperty("totalSize", out var size) ? size.GetInt32() : 0);
    }

    [Fact]
    public async Task A_page_past_the_end_still_reports_how_many_questions_match()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await SubmitSimpleAsync($"Achterblijvervraag {i}"));
        }

        const string query = $"{Questions}?q=achterblijvervraag&status=DESK_QUESTION_STATUS_NEW";
        var token = (await (await host.Json.GetAsync($"{query}&pageSize=2")).JsonAsync()).GetProperty("nextPageToken").GetString();
        // Two are taken meanwhile: one new question is left, and the second page now starts past it.
        await (await host.Json.PostAsJsonAsync($"{Questions}/{ids[0]}:assign", new { })).JsonAsync();
        await (await host.Json.PostAsJsonAsync($"{Questions}/{ids[1]}:assign", new { })).JsonAsync();

        var pastTheEnd = await (await host.Json.GetAsync($"{query}&pageSize=2&pageToken={token}")).JsonAsync();

        Assert.Equal(0, pastTheEnd.TryGetProperty("questions", out var questions) ? questions.GetArrayLength() : 0);
        Assert.Equal(1, pastTheEnd.GetProperty("totalSize").GetInt32());
        Assert.Equal("", pastTheEnd.TryGetProperty("nextPageToken", out var next) ? next.GetString() : "");
    }

    [Fact]
    public async Task A_gRPC_caller_submits_and_gets_field_violations()
    {
        var client = new DeskService.DeskServiceClient(host.Grpc);
        var question = await client.SubmitDeskQuestionAsync(new SubmitDeskQuestionRequest
        {
            Question = new DeskQuestionSubmission { Topic = "Stage", Question = "Stageplek in de zorg gezocht", Sector = "zorg en welzijn" },
        });
        Assert.Equal(FocusLine.SchoolToWork, question.FocusLine);
        Assert.Equal("Zorg en welzijn", question.Sector);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.SubmitDeskQuestionAsync(new SubmitDeskQuestionRequest
        {
            Question = new DeskQuestionSubmission { Topic = "Stage", Question = "Vraag", Contact = new DeskContact { Consent = false, Phone = "0101234567" } },
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(["question.contact.phone"], ApiErrors.GrpcFields(ex));
    }
}
