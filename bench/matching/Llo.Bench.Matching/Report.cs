using System.Text;

namespace Llo.Bench.Matching;

/// <summary>Prints each line and keeps it for the results file.</summary>
internal sealed class Report
{
    private readonly StringBuilder text = new();

    public void Line(string line)
    {
        Console.WriteLine(line);
        text.AppendLine(line);
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ToString());
        Console.WriteLine($"written to {path}");
    }
}
