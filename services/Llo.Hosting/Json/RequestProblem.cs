namespace Llo.Hosting.Json;

/// <summary>
/// Why a query parameter or JSON body cannot be read: <paramref name="Field"/> is the caller's own JSON path ("project.partners[1].role"),
/// <paramref name="Description"/> the Dutch explanation for the caller, <paramref name="Kind"/> a short English
/// category and <paramref name="LogField"/> the path with map keys left out, for the log line (which never quotes the body).
/// </summary>
internal sealed record RequestProblem(string Field, string Description, string Kind, string LogField);
