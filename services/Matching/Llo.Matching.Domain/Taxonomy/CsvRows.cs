using System.Buffers;
using System.Text;

namespace Llo.Matching.Domain.Taxonomy;

/// <summary>
/// Reads RFC 4180 CSV row by row from a stream (ESCO's files quote fields that hold newlines, such as altLabels),
/// so a 21 MB relations file is never held whole in memory. Runs of plain characters are copied as spans, not one
/// character at a time: that is what makes the full ESCO load take about a second.
/// </summary>
public static class CsvRows
{
    private static readonly SearchValues<char> Plain = SearchValues.Create(",\"\r\n");
    private static readonly SearchValues<char> Quote = SearchValues.Create("\"");

    public static IEnumerable<string[]> Read(string path, int skipLines = 0)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        for (var i = 0; i < skipLines; i++)
        {
            if (reader.ReadLine() is null)
            {
                yield break;
            }
        }

        var buffer = new char[1 << 16];
        int length = 0, position = 0;
        var fields = new List<string>(16);
        var field = new StringBuilder(256);
        var inQuotes = false;
        var rowHasData = false;
        while (true)
        {
            if (position >= length)
            {
                length = reader.Read(buffer, 0, buffer.Length);
                position = 0;
                if (length <= 0)
                {
                    break;
                }
            }

            var rest = buffer.AsSpan(position, length - position);
            var stop = inQuotes ? rest.IndexOfAny(Quote) : rest.IndexOfAny(Plain);
            if (stop < 0)
            {
                field.Append(rest);
                rowHasData = true;
                position = length;
                continue;
            }

            field.Append(rest[..stop]);
            position += stop + 1;
            var ch = rest[stop];
            if (inQuotes)
            {
                // A quote inside quotes is either the end of the field or the first of a doubled quote.
                if (position >= length)
                {
                    length = reader.Read(buffer, 0, buffer.Length);
                    position = 0;
                }

                if (length > 0 && position < length && buffer[position] == '"')
                {
                    field.Append('"');
                    position++;
                }
                else
                {
                    inQuotes = false;
                }

                continue;
            }

            switch (ch)
            {
                case '"':
                    inQuotes = true;
                    rowHasData = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    rowHasData = true;
                    break;
                case '\r':
                    break;
                default:
                    if (rowHasData || field.Length > 0)
                    {
                        fields.Add(field.ToString());
                        yield return fields.ToArray();
                    }

                    fields.Clear();
                    field.Clear();
                    rowHasData = false;
                    break;
            }
        }

        if (rowHasData || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return fields.ToArray();
        }
    }

    /// <summary>Rows as dictionaries-by-column-name would allocate per row; a header index is enough.</summary>
    public static Dictionary<string, int> Header(string[] header)
    {
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            map.TryAdd(header[i].Trim().TrimStart('\uFEFF'), i);
        }

        return map;
    }

    public static string Field(string[] row, Dictionary<string, int> header, string name) =>
        header.TryGetValue(name, out var i) && i < row.Length ? row[i] : "";
}
