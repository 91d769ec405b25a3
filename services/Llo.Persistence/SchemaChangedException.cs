namespace Llo.Persistence;

/// <summary>An applied schema script no longer has the text it had: the database may not match the code, so the service does not start.</summary>
public sealed class SchemaChangedException(IReadOnlyList<string> scripts)
    : Exception($"Schema script(s) {string.Join(", ", scripts)} changed after they were applied to this database " +
                "(their SHA-256 differs from the one in schema_migrations). Restore the shipped text and put the change in a new script.")
{
    public IReadOnlyList<string> Scripts { get; } = scripts;
}
