using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using Grpc.Core;
using Llo.Inventory.Api.Validation;
using Llo.Inventory.Domain.BlindSpots;
using Llo.Inventory.Domain.Projects;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using V1 = Llo.Contracts.Inventory.V1;

namespace Llo.Inventory.Api.BlindSpots;

/// <summary>
/// The blind-spot matrix ("omissies"). Counted: projects that are not archived and not stopped; finished ones only with
/// include_finished. Desk questions count while open (new or assigned); each cell lists at most
/// <see cref="BlindSpotMatrix.MaxQuestionsPerCell"/> of them.
/// </summary>
public sealed class BlindSpotService(NpgsqlDataSource dataSource) : V1.BlindSpotService.BlindSpotServiceBase
{
    [AllowAnonymous]
    public override async Task<V1.BlindSpotMatrix> GetBlindSpots(V1.GetBlindSpotsRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var dimension = BlindSpotAxis.Parse(request.Dimension);
        if (dimension is null)
        {
            new FieldViolations().Add("dimension", $"Onbekende dimensie \"{request.Dimension}\"; kies sector, campus of municipality.").ThrowIfAny();
        }

        var (projectColumn, questionColumn) = dimension switch
        {
            BlindSpotDimension.Campus => ("CASE WHEN campus IS NULL THEN '{}'::text[] ELSE ARRAY[campus] END", "campus"),
            BlindSpotDimension.Municipality => ("municipalities", "municipality"),
            _ => ("sectors", "sector"),
        };

        // Aggregated by the database: what crosses the wire grows with the distinct values, not with the projects, and
        // each cell brings at most MaxQuestionsPerCell open questions, the oldest first.
        const string counted = "NOT archived AND status <> @stopped AND (@include_finished OR status <> @finished)";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"SELECT count(*)::int FROM projects WHERE {counted}"),
                new NpgsqlBatchCommand(
                    $"""
                    SELECT focus_line, min(btrim(value)) AS value, count(DISTINCT id)::int AS project_count
                    FROM projects, unnest(focus_lines) AS focus_line, unnest({projectColumn}) AS value
                    WHERE {counted} AND btrim(value) <> ''
                    GROUP BY focus_line, upper(btrim(value))
                    """),
                new NpgsqlBatchCommand(
                    $"""
                    SELECT id, topic, focus_line, value, submitted_at FROM (
                        SELECT id, topic, focus_line, btrim({questionColumn}) AS value, submitted_at,
                               row_number() OVER (PARTITION BY focus_line, upper(btrim({questionColumn})) ORDER BY submitted_at, id) AS n
                        FROM desk_questions WHERE status IN ('New', 'Assigned')) open_questions
                    WHERE n <= @per_cell
                    """),
            },
        };
        foreach (NpgsqlBatchCommand command in batch.BatchCommands)
        {
            command.Parameters.AddWithValue("stopped", nameof(ProjectStatus.Stopped));
            command.Parameters.AddWithValue("finished", nameof(ProjectStatus.Finished));
            command.Parameters.AddWithValue("include_finished", request.IncludeFinished);
            command.Parameters.AddWithValue("per_cell", BlindSpotMatrix.MaxQuestionsPerCell);
        }

        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var projectCount = reader.GetInt32(0);

        await reader.NextResultAsync(ct);
        var covered = new List<CoveredCell>();
        while (await reader.ReadAsync(ct))
        {
            covered.Add(new CoveredCell(Enum.Parse<FocusLine>(reader.GetString(0)), reader.GetString(1), reader.GetInt32(2)));
        }

        await reader.NextResultAsync(ct);
        var questions = new List<OpenDeskQuestion>();
        while (await reader.ReadAsync(ct))
        {
            questions.Add(new OpenDeskQuestion(reader.GetGuid(0), reader.GetString(1),
                reader.IsDBNull(2) ? null : Enum.Parse<FocusLine>(reader.GetString(2)),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4)));
        }

        var matrix = BlindSpotMatrix.Compute(dimension!.Value, BlindSpotAxis.ReferenceValues(dimension.Value), covered, projectCount, questions);
        var response = new V1.BlindSpotMatrix { Dimension = BlindSpotAxis.Name(matrix.Dimension), ProjectCount = matrix.ProjectCount, OmittedValueCount = matrix.OmittedValueCount };
        response.FocusLines.AddRange(matrix.FocusLines.Select(InventoryEnums.FocusLines.ToContract));
        response.Values.AddRange(matrix.Values);
        response.Cells.AddRange(matrix.Cells.Select(ToContract));
        response.EmptyCells.AddRange(matrix.EmptyCells.Select(ToContract));
        return response;
    }

    private static V1.BlindSpotCell ToContract(BlindSpotCell cell)
    {
        var message = new V1.BlindSpotCell { FocusLine = InventoryEnums.FocusLines.ToContract(cell.FocusLine), Value = cell.Value, ProjectCount = cell.ProjectCount };
        message.UnansweredQuestions.AddRange(cell.UnansweredQuestions.Select(q => new V1.UnansweredDeskQuestion
        {
            Id = q.Id.ToString(),
            Topic = q.Topic,
            SubmittedAt = Timestamp.FromDateTimeOffset(q.SubmittedAt),
        }));
        return message;
    }
}
