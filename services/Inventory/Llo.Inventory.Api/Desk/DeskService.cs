using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using Grpc.Core;
using Llo.Contracts.Events;
using Llo.Hosting.Access;
using Llo.Inventory.Api.Access;
using Llo.Inventory.Api.Projects;
using Llo.Inventory.Api.Validation;
using Llo.Inventory.Domain.Desk;
using Llo.Inventory.Domain.Projects;
using Llo.Messaging;
using Llo.Messaging.Audit;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using V1 = Llo.Contracts.Inventory.V1;

namespace Llo.Inventory.Api.Desk;

/// <summary>
/// The LLO-desk. Anyone submits a question; the inbox (reading one question, assigning, answering, closing) belongs to
/// programme staff. Contact details are personal data: never logged, never in lists or events, and returned only to
/// programme staff. The public list carries no free text (topic, question, answer, assignee), only the counts' facts.
/// </summary>
public sealed class DeskService(NpgsqlDataSource dataSource, AuditTrail audit, TimeProvider time, ILogger<DeskService> logger) : V1.DeskService.DeskServiceBase
{
    public static readonly PageLimits PageLimits = new(Default: 50, Max: 200);

    [AllowAnonymous]
    public override async Task<V1.DeskQuestion> SubmitDeskQuestion(V1.SubmitDeskQuestionRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var violations = new FieldViolations();
        var submission = DeskSubmissionValidator.Validate(request.Question, violations);
        violations.ThrowIfAny();

        var route = DeskRouting.Route(submission!.FocusLine, submission.Topic, submission.Question);
        var stored = new StoredDeskQuestion(Guid.CreateVersion7(), submission, route, DeskQuestionStatus.New,
            null, null, StoredTime.Now(time), null, null, null);

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await DeskStore.InsertAsync(tx, stored, ct);
        await Outbox.EnqueueAsync(tx, new DeskQuestionReceived(
            stored.Id, route.FocusLine?.ToString(), submission.Municipality, route.RoutedTo), ct);
        if (DeskAudit.Contact(AuditActions.Create, stored) is { } entry)
        {
            await audit.RecordAsync(tx, context.Caller(), entry, ct);
        }

        await tx.CommitAsync(ct);
        logger.LogInformation("Desk question {QuestionId} routed to {RoutedTo}", stored.Id, route.RoutedTo);
        return ToContract(stored, withContact: context.Caller().IsProgrammeStaff());
    }

    [AllowAnonymous]
    public override async Task<V1.ListDeskQuestionsResponse> ListDeskQuestions(V1.ListDeskQuestionsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var status = InventoryEnums.DeskQuestionStatuses.Optional(request.Status, "status", "status", violations);

        var focusLine = RegionFields.FocusLine(request.FocusLine, "focusLine", violations);
        var municipality = RegionFields.Municipality(request.Municipality, "municipality", violations);
        var routedTo = TextField.Filter(request.RoutedTo, "routedTo", "De doorverwijzing", 200, violations);
        var q = TextField.Filter(request.Q, "q", "De zoektekst", 200, violations);
        var staff = context.Caller().IsProgrammeStaff();
        if (q is not null && !staff)
        {
            // Searching the text would reveal it word by word.
            throw Caller.Denied("Zoeken in de tekst van vragen (q) is alleen voor de programmamanager en de projectleiders.");
        }

        var filter = new DeskStore.Filter(status, focusLine, municipality, routedTo, q);
        var page = Page.Parse(request.PageSize, request.PageToken, PageLimits, violations, filter.Fingerprint());
        violations.ThrowIfAny();

        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var (questions, total) = await DeskStore.ListAsync(connection, filter, page, context.CancellationToken);
        var response = new V1.ListDeskQuestionsResponse { TotalSize = total, NextPageToken = page.NextToken(questions.Count, total) };
        response.Questions.AddRange(questions.Select(q => staff ? ToContract(q, withContact: false) : WithoutFreeText(q)));
        return response;
    }

    [Authorize(Policy = InventoryPolicies.DeskInbox)]
    public override async Task<V1.DeskQuestion> GetDeskQuestion(V1.GetDeskQuestionRequest request, ServerCallContext context)
    {
        var id = Resource.DeskQuestion.ParseId(request.Id);
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var question = await DeskStore.FindAsync(connection, id, context.CancellationToken) ?? throw Resource.DeskQuestion.NotFound(id);
        if (DeskAudit.Contact(AuditActions.Read, question) is { } entry)
        {
            await audit.RecordReadAsync(context.Caller(), entry, context.CancellationToken);
        }

        return ToContract(question, withContact: true);
    }

    [Authorize(Policy = InventoryPolicies.DeskInbox)]
    public override Task<V1.DeskQuestion> AssignDeskQuestion(V1.AssignDeskQuestionRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var assignee = TextField.Filter(request.Assignee, "assignee", "De behandelaar", 200, violations);
        violations.ThrowIfAny();
        return MoveAsync(request.Id, DeskQuestionStatus.Assigned, context, (q, now) => q with
        {
            Status = DeskQuestionStatus.Assigned,
            Assignee = assignee ?? q.Route.RoutedTo,
            AssignedAt = now,
        });
    }

    [Authorize(Policy = InventoryPolicies.DeskInbox)]
    public override Task<V1.DeskQuestion> AnswerDeskQuestion(V1.AnswerDeskQuestionRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var answer = TextField.Check(request.Answer, "answer", "Het antwoord", 8000, required: true, violations);
        violations.ThrowIfAny();
        return MoveAsync(request.Id, DeskQuestionStatus.Answered, context, (q, now) => q with
        {
            Status = DeskQuestionStatus.Answered,
            Answer = answer,
            AnsweredAt = now,
        });
    }

    [Authorize(Policy = InventoryPolicies.DeskInbox)]
    public override Task<V1.DeskQuestion> CloseDeskQuestion(V1.CloseDeskQuestionRequest request, ServerCallContext context) =>
        MoveAsync(request.Id, DeskQuestionStatus.Closed, context, (q, now) => q with { Status = DeskQuestionStatus.Closed, ClosedAt = now });

    /// <summary>One workflow step under a row lock, so two desk workers cannot both take the same step.</summary>
    private async Task<V1.DeskQuestion> MoveAsync(
        string idText, DeskQuestionStatus to, ServerCallContext context, Func<StoredDeskQuestion, DateTimeOffset, StoredDeskQuestion> step)
    {
        var ct = context.CancellationToken;
        var id = Resource.DeskQuestion.ParseId(idText);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var question = await DeskStore.LockAsync(tx, id, ct) ?? throw Resource.DeskQuestion.NotFound(id);
        if (!DeskWorkflow.CanMove(question.Status, to))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"De vraag heeft status '{DeskWorkflow.Dutch(question.Status)}' en kan niet naar '{DeskWorkflow.Dutch(to)}' " +
                "(volgorde: nieuw → toegewezen → beantwoord → gesloten)."));
        }

        var moved = step(question, StoredTime.Now(time));
        await DeskStore.UpdateWorkflowAsync(tx, moved, ct);
        // The answer shows the contact person to the desk worker who took the step.
        if (DeskAudit.Contact(AuditActions.Update, moved, to.ToString()) is { } entry)
        {
            await audit.RecordAsync(tx, context.Caller(), entry, ct);
        }

        await tx.CommitAsync(ct);
        return ToContract(moved, withContact: true);
    }

    /// <summary>A question as the public list shows it: where it is in the workflow, without anything a person wrote.</summary>
    private static V1.DeskQuestion WithoutFreeText(StoredDeskQuestion q)
    {
        var message = ToContract(q, withContact: false);
        message.Topic = "";
        message.Question = "";
        message.Answer = "";
        message.Assignee = "";
        message.RoutingReason = "";
        return message;
    }

    private static V1.DeskQuestion ToContract(StoredDeskQuestion q, bool withContact)
    {
        var s = q.Submission;
        var message = new V1.DeskQuestion
        {
            Id = q.Id.ToString(),
            Topic = s.Topic,
            Question = s.Question,
            Municipality = s.Municipality ?? "",
            FocusLine = InventoryEnums.FocusLines.ToContract(q.Route.FocusLine),
            Sector = s.Sector ?? "",
            Campus = s.Campus ?? "",
            RoutedTo = q.Route.RoutedTo,
            RoutingReason = q.Route.Reason,
            Status = InventoryEnums.DeskQuestionStatuses.ToContract(q.Status),
            Assignee = q.Assignee ?? "",
            Answer = q.Answer ?? "",
            HasContact = s.Contact is not null,
            SubmittedAt = Timestamp.FromDateTimeOffset(q.SubmittedAt),
            AssignedAt = q.AssignedAt is { } a ? Timestamp.FromDateTimeOffset(a) : null,
            AnsweredAt = q.AnsweredAt is { } b ? Timestamp.FromDateTimeOffset(b) : null,
            ClosedAt = q.ClosedAt is { } c ? Timestamp.FromDateTimeOffset(c) : null,
        };
        if (withContact && s.Contact is { } contact)
        {
            message.Contact = new V1.DeskContact
            {
                Consent = true,
                Name = contact.Name ?? "",
                Email = contact.Email ?? "",
                Phone = contact.Phone ?? "",
            };
        }

        return message;
    }
}
