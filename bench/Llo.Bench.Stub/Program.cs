// A stand-in inventory for the gateway benchmark: the same two Kestrel endpoints as a Llo service and a
// fixed page of ten projects, so the gateway's own cost can be measured without a database behind it.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);

var projects = Enumerable.Range(1, 10).Select(i => new Project(
    Guid.NewGuid().ToString(),
    $"Voorbeeldproject {i}",
    "Een regionaal project van de Tafel Leven Lang Ontwikkelen Waterweg, gebruikt als vaste meetlast.",
    "FOCUS_LINE_WORK_TO_WORK",
    "PROJECT_STATUS_RUNNING")).ToArray();
var page = new ProjectPage(projects, "");

var app = builder.Build();
app.MapGet("/health", () => "Healthy");
app.MapGet("/api/inventory/v1/projects", () => TypedResults.Json(page, StubJson.Default.ProjectPage));
app.Run();

internal sealed record Project(string Id, string Title, string Summary, string FocusLine, string Status);

internal sealed record ProjectPage(Project[] Projects, string NextPageToken);

[System.Text.Json.Serialization.JsonSerializable(typeof(ProjectPage))]
[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
internal sealed partial class StubJson : System.Text.Json.Serialization.JsonSerializerContext;
