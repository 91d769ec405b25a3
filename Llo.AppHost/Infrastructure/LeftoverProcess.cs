namespace Llo.AppHost.Infrastructure;

/// <summary>
/// A pid file outlives a killed server, and its number may since belong to any other process: it is trusted only
/// when that process's command line names our data directory.
/// </summary>
internal static class LeftoverProcess
{
    public static bool NamesDirectory(int pid, string directory)
    {
        try
        {
            var arguments = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
            var wanted = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
            return arguments.Any(argument => argument.Length > 0
                && Path.TrimEndingDirectorySeparator(argument) == wanted);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // no such process
        }
    }
}
