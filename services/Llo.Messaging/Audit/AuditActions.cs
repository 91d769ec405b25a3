namespace Llo.Messaging.Audit;

/// <summary>The actions an audit entry names (the privacy contract's list), exactly as they are stored.</summary>
public static class AuditActions
{
    public const string Read = "read";
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Export = "export";
    public const string Erase = "erase";
    public const string MatchRun = "match-run";
    public const string Decision = "decision";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Read, Create, Update, Delete, Export, Erase, MatchRun, Decision,
    };
}
