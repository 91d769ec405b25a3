namespace Llo.Inventory.Domain.Desk;

/// <summary>
/// The desk's status machine: new → assigned → answered → closed, one step at a time. An assigned question may be
/// handed to someone else (assigned again); nothing moves backwards, so an answer once given stays on record.
/// </summary>
public static class DeskWorkflow
{
    public static bool CanMove(DeskQuestionStatus from, DeskQuestionStatus to) => (from, to) switch
    {
        (DeskQuestionStatus.New, DeskQuestionStatus.Assigned) => true,
        (DeskQuestionStatus.Assigned, DeskQuestionStatus.Assigned) => true,
        (DeskQuestionStatus.Assigned, DeskQuestionStatus.Answered) => true,
        (DeskQuestionStatus.Answered, DeskQuestionStatus.Closed) => true,
        _ => false,
    };

    /// <summary>Questions in these statuses still wait for someone to act.</summary>
    public static bool IsOpen(DeskQuestionStatus status) => status is DeskQuestionStatus.New or DeskQuestionStatus.Assigned;

    public static string Dutch(DeskQuestionStatus status) => status switch
    {
        DeskQuestionStatus.New => "nieuw",
        DeskQuestionStatus.Assigned => "toegewezen",
        DeskQuestionStatus.Answered => "beantwoord",
        DeskQuestionStatus.Closed => "gesloten",
        _ => status.ToString(),
    };
}
