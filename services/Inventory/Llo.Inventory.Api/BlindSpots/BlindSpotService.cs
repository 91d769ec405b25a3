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
/// include_finished. Desk questions count while open (new or assigned).
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

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var projects = new List<CoveringProject>();
        await using (var command = new NpgsqlCommand(
            $"""
            SELECT id, focus_lines, {projectColumn} FROM projects
            WHERE NOT archived AND status <> @stopped AND (@include_finished OR status <> @finished)
            """, connection))
        {
            command.Parameters.AddWithValue("stopped", nameof(ProjectStatus.Stopped));
            command.Parameters.AddWithValue("finished", nameof(ProjectStatus.Finished));
            command.Parameters.AddWithValue("include_finished", request.IncludeFinished);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                projects.Add(new CoveringProject(reader.GetGuid(0),
                    reader.GetFieldValue<string[]>(1).Select(Enum.Parse<FocusLine>).ToList(), reader.GetFieldValue<string[]>(2)));
            }
        }

        var questions = new List<OpenDeskQuestion>();
        await using (var command = new NpgsqlCommand(
            $"SELECT id, topic, focus_line, {questionColumn}, submitted_at FROM desk_questions WHERE status IN ('New', 'Assigned')", connection))
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                questions.Add(new OpenDeskQuestion(reader.GetGuid(0), reader.GetString(1),
                    reader.IsDBNull(2) ? null : Enum.Parse<FocusLine>(reader.GetString(2)),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetFieldValue<DateTimeOffset>(4)));
            }
        }

        var matrix = BlindSpotMatrix.Compute(dimension!.Value, BlindSpotAxis.ReferenceValues(dimension.Value), projects, questions);
        var response = new V1.BlindSpotMatrix { Dimension = BlindSpotAxis.Name(matrix.Dimension), ProjectCount = matrix.ProjectCount };
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
