using System.Text;

namespace Llo.Inventory.Api.Overlaps;

/// <summary>
/// Reads the Dutch labels of ESCO's occupations and skills: per concept its preferred label followed by its
/// alternative labels (one per line inside the CSV field). Only these two columns are kept.
/// </summary>
public static class EscoLabels
{
    public static IEnumerable<string[]> Read(string escoDirectory)
    {
        var nl = Path.Combine(escoDirectory, "nl");
        var skills = File.Exists(Path.Combine(nl, "skills_nl.csv")) ? "skills_nl.csv" : "skills_nl_partial.csv";
        foreach (var file in new[] { "occupations_nl.csv", skills })
        {
            var path = Path.Combine(nl, file);
            if (!File.Exists(path))
            {
                continue;
            }

            foreach (var labels in ReadFile(path))
            {
                yield return labels;
            }
        }
    }

    private static IEnumerable<string[]> ReadFile(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        int preferred = -1, alternatives = -1;
        foreach (var row in Rows(reader))
        {
            if (preferred < 0)
            {
                preferred = row.IndexOf("preferredLabel");
                alternatives = row.IndexOf("altLabels");
                if (preferred < 0)
                {
                    yield break;
                }

                continue;
            }

            if (row.Count <= Math.Max(preferred, alternatives) || row[preferred].Length == 0)
            {
                continue;
            }

            var alts = alternatives < 0 ? [] : row[alternatives].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            yield return [row[preferred].Trim(), .. alts];
        }
    }

    /// <summary>RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static IEnumerable<List<string>> Rows(TextReader reader)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch != '"')
                {
                    field.Append(ch);
                }
                else if (reader.Peek() == '"')
                {
                    reader.Read();
                    field.Append('"');
                }
                else
                {
                    quoted = false;
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (ch == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                yield return row;
                row = [];
            }
            else
            {
                field.Append(ch);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return row;
        }
    }
}
