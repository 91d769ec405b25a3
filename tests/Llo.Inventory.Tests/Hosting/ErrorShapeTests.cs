using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Llo.Inventory.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Llo.Inventory.Tests.Hosting;

/// <summary>Every error a caller can cause under /api/ has one shape: google.rpc.Status as JSON, in Dutch, with the matching HTTP status.</summary>
public sealed class ErrorShapeTests(InventoryHost host) : IClassFixture<InventoryHost>
{
    private const string Api = "/api/inventory/v1";

    private Task<HttpResponseMessage> PostRawAsync(string path, string json) =>
        host.Json.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Asserts the shape and returns it: code, message and the field violations as (field, description).</summary>
    private static async Task<(int Code, string Message, List<(string Field, string Description)> Violations)> StatusAsync(
        HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var status = JsonDocument.Parse(text).RootElement;
        Assert.False(status.TryGetProperty("title", out _), $"ProblemDetails instead of google.rpc.Status: {text}");
        var violations = new List<(string, string)>();
        if (status.TryGetProperty("details", out var details))
        {
            foreach (var detail in details.EnumerateArray())
            {
                Assert.Equal("type.googleapis.com/google.rpc.BadRequest", detail.GetProperty("@type").GetString());
                violations.AddRange(detail.GetProperty("fieldViolations").EnumerateArray()
                    .Select(v => (v.GetProperty("field").GetString()!, v.GetProperty("description").GetString()!)));
            }
        }

        return (status.GetProperty("code").GetInt32(), status.GetProperty("message").GetString()!, violations);
    }

    [Fact]
    public async Task An_unknown_path_is_404_NotFound_in_Dutch()
    {
        var (code, message, _) = await StatusAsync(await host.Json.GetAsync($"{Api}/nonsense"), HttpStatusCode.NotFound);

        Assert.Equal(5, code);
        Assert.Contains("bestaat niet", message);
    }

    [Fact]
    public async Task A_method_the_path_does_not_take_is_405_naming_the_allowed_methods()
    {
        var response = await host.Json.PutAsync($"{Api}/projects", new StringContent("{}", Encoding.UTF8, "application/json"));

        var (code, message, _) = await StatusAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal(12, code);
        Assert.Contains("niet toegestaan", message);
        Assert.Contains("POST", message);
    }

    [Fact]
    public async Task A_successful_answer_keeps_its_shape()
    {
        var response = await host.Json.GetAsync($"{Api}/projects?pageSize=1");

        var list = await response.JsonAsync();
        Assert.Equal(JsonValueKind.Number, list.GetProperty("totalSize").ValueKind);
    }

    public static TheoryData<string, string, string, string> UnreadableBodies => new()
    {
        // path, body, field, a word the description must contain
        { "projects", """{"title":"Kapotte JSON",""", "project", "geen geldige JSON" },
        { "projects", "", "project", "geen geldige JSON" },
        { "projects", """{"title":"Twee waarden"} {}""", "project", "geen geldige JSON" },
        { "projects", """{"title":5,"status":"PROJECT_STATUS_IDEA"}""", "project.title", "tekst" },
        { "projects", """{"title":"Lijst","themes":"THEME_ORGANISATION"}""", "project.themes", "lijst" },
        { "projects", """{"title":"Object","contact":"iemand"}""", "project.contact", "JSON-object" },
        { "projects", """{"title":"Partner","partners":[{"organisation":"Gemeente","role":"lead"}]}""", "project.partners[0].role", "PARTNER_ROLE_LEAD" },
        { "projects", """{"title":"Thema","themes":["THEME_ORGANISATION",true]}""", "project.themes[1]", "THEME_COLLABORATION" },
        { "projects", """{"title":"Null","sectors":["zorg",null]}""", "project.sectors[1]", "null" },
        { "projects", """{"title":"Ontsnapt \ud800 teken"}""", "project.title", "ongeldige tekens" },
        { "projects", """{"title":"Snake","lessons_learned":12}""", "project.lessons_learned", "tekst" },
        { "projects:findOverlaps", """{"title":"Getal","status":"PROJECT_STATUS_IDEA","focusLines":[1.5]}""", "draft.focusLines[0]", "FOCUS_LINE_SCHOOL_TO_WORK" },
        { "projects", """{"title":"Geen lijst","status":"PROJECT_STATUS_IDEA","partners":null}""", "project.partners", "[]" },
        { "agendaItems", "[]", "item", "JSON-object" },
        { "agendaItems", """{"title":"Open","public":"ja"}""", "item.public", "true of false" },
    };

    [Theory]
    [MemberData(nameof(UnreadableBodies))]
    public async Task An_unreadable_body_is_400_naming_the_field_in_the_callers_json_path(string path, string body, string field, string word)
    {
        var (code, message, violations) = await StatusAsync(await PostRawAsync($"{Api}/{path}", body), HttpStatusCode.BadRequest);

        Assert.Equal(3, code);
        var violation = Assert.Single(violations);
        Assert.Equal(field, violation.Field);
        Assert.Contains(word, violation.Description);
        Assert.Contains(field, message);
        Assert.DoesNotContain("Llo.", message);
        Assert.DoesNotContain("System.", message);
    }

    public static TheoryData<string, string, string> BadQueryParameters => new()
    {
        // path and query, field, a word the description must contain
        { "projects?focusLine=FOCUS_LINE_NOWHERE", "focusLine", "FOCUS_LINE_SCHOOL_TO_WORK" },
        { "projects?status=pilot", "status", "PROJECT_STATUS_PILOT" },
        { "projects?pageSize=99999999999", "pageSize", "tussen -2147483648 en 2147483647" },
        { "agendaItems?page_size=1.5", "page_size", "geheel getal" },
        { "projects?includeArchived=ja", "includeArchived", "true of false" },
    };

    [Theory]
    [MemberData(nameof(BadQueryParameters))]
    public async Task A_query_parameter_of_the_wrong_type_is_400_naming_the_parameter(string pathAndQuery, string field, string word)
    {
        var (code, message, violations) = await StatusAsync(await host.Json.GetAsync($"{Api}/{pathAndQuery}"), HttpStatusCode.BadRequest);

        Assert.Equal(3, code);
        var violation = Assert.Single(violations);
        Assert.Equal(field, violation.Field);
        Assert.Contains(word, violation.Description);
        Assert.DoesNotContain("Int32", message);
    }

    [Fact]
    public async Task Query_parameters_transcoding_reads_still_pass_proto_names_and_enum_numbers()
    {
        var response = await host.Json.GetAsync($"{Api}/projects?focus_line=FOCUS_LINE_WORK_TO_WORK&status=2&includeArchived=True&pageSize=5&onbekend=x");

        Assert.Equal(JsonValueKind.Number, (await response.JsonAsync()).GetProperty("totalSize").ValueKind);
    }

    [Fact]
    public async Task An_unknown_enum_value_lists_exactly_the_names_the_api_accepts()
    {
        var response = await PostRawAsync($"{Api}/projects", """{"title":"Leerlijn lassen","status":"pilot"}""");

        var (_, message, violations) = await StatusAsync(response, HttpStatusCode.BadRequest);
        var (field, description) = Assert.Single(violations);
        Assert.Equal("project.status", field);
        Assert.StartsWith("\"pilot\" is geen toegestane waarde", description);
        Assert.Contains("PROJECT_STATUS_IDEA, PROJECT_STATUS_PILOT, PROJECT_STATUS_RUNNING, PROJECT_STATUS_SCALED, PROJECT_STATUS_FINISHED, PROJECT_STATUS_STOPPED", description);
        Assert.DoesNotContain("UNSPECIFIED", description);
        Assert.DoesNotContain("Llo.Contracts", message);
    }

    [Fact]
    public async Task What_the_check_accepts_transcoding_still_reads_proto_names_enum_numbers_and_unknown_fields()
    {
        var response = await PostRawAsync($"{Api}/projects",
            """{"title":"Snake case en nummers","status":2,"focus_lines":["FOCUS_LINE_WORK_TO_WORK"],"lessons_learned":"Les","onbekend":{"x":[1]}}""");

        var created = (await response.JsonAsync()).GetProperty("project").GetProperty("fields");
        Assert.Equal("PROJECT_STATUS_PILOT", created.GetProperty("status").GetString());
        Assert.Equal("FOCUS_LINE_WORK_TO_WORK", created.GetProperty("focusLines")[0].GetString());
        Assert.Equal("Les", created.GetProperty("lessonsLearned").GetString());
    }

    [Fact]
    public async Task A_missing_status_lists_the_values_the_api_accepts()
    {
        var (_, _, violations) = await StatusAsync(await PostRawAsync($"{Api}/projects", """{"title":"Zonder status"}"""), HttpStatusCode.BadRequest);

        var status = Assert.Single(violations, v => v.Field == "project.status");
        Assert.Contains("PROJECT_STATUS_PILOT", status.Description);
        Assert.DoesNotContain("idee", status.Description);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_400_in_Dutch()
    {
        var response = await host.Json.PostAsync($"{Api}/projects", new StringContent("title=x", Encoding.UTF8, "application/x-www-form-urlencoded"));

        var (code, _, violations) = await StatusAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(3, code);
        Assert.Contains("application/json", Assert.Single(violations).Description);
    }

    [Fact]
    public async Task An_unreadable_body_is_logged_as_one_warning_line_without_the_body_or_a_stack_trace()
    {
        var logs = new CapturedLogs();
        host.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        const string secret = "geheim-0612345678";

        var body = """{"title":"Log","contact":{"phone":{"nummer":"SECRET"}}}""".Replace("SECRET", secret);
        var response = await PostRawAsync($"{Api}/projects", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var entry = Assert.Single(logs.Entries, e => e.Level >= LogLevel.Information && !e.Category.StartsWith("Llo.Messaging"));
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Null(entry.Exception);
        Assert.DoesNotContain(secret, entry.Message);
        Assert.DoesNotContain("\n", entry.Message);
        Assert.Contains("project.contact.phone", entry.Message);
    }

    [Fact]
    public async Task A_body_larger_than_the_service_accepts_is_413_in_the_one_shape()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, host.Json.BaseAddress!.Port);
        await using var stream = client.GetStream();
        var head = $"POST {Api}/projects HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\nConnection: close\r\n\r\n{{";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        using var reader = new StreamReader(stream, Encoding.UTF8);
        var answer = await reader.ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 413", answer);
        Assert.Contains("\"code\": 8", answer);
        Assert.Contains("te groot", answer);
    }
}
