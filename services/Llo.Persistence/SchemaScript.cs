using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Llo.Persistence;

/// <summary>
/// One embedded <c>Schema/*.sql</c> script: its journal name, its text and the SHA-256 of that text, which the journal
/// keeps so a script changed after it was applied is noticed.
/// </summary>
public sealed record SchemaScript(string Name, string Sql, string Checksum)
{
    private const string Folder = ".Schema.";

    /// <summary>
    /// Every <c>*.sql</c> resource of <paramref name="assembly"/> embedded from a <c>Schema</c> folder, in name order.
    /// A service's own scripts are journaled by file name; a shared block's scripts (<paramref name="qualified"/>) by
    /// <c>Assembly/file</c>, so its <c>001_…</c> never meets a service's <c>001_…</c> in the journal.
    /// </summary>
    public static IReadOnlyList<SchemaScript> Embedded(Assembly assembly, bool qualified = false)
    {
        var prefix = qualified ? assembly.GetName().Name + "/" : "";
        return assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".sql", StringComparison.Ordinal) && n.Contains(Folder, StringComparison.Ordinal))
            .Select(n => (Resource: n, File: n[(n.LastIndexOf(Folder, StringComparison.Ordinal) + Folder.Length)..]))
            .OrderBy(r => r.File, StringComparer.Ordinal)
            .Select(r => Load(assembly, r.Resource, prefix + r.File))
            .ToList();
    }

    /// <summary>A script from text; line endings are normalised first, so a Windows checkout has the same checksum.</summary>
    public static SchemaScript From(string name, string sql)
    {
        var text = sql.Replace("\r\n", "\n", StringComparison.Ordinal);
        return new SchemaScript(name, text, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
    }

    private static SchemaScript Load(Assembly assembly, string resource, string name)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return From(name, reader.ReadToEnd());
    }
}
