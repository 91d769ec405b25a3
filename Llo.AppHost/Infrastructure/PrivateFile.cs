namespace Llo.AppHost.Infrastructure;

/// <summary>A file only its owner can read, written anew: the old one is removed and the new one created exclusively, mode 0600.</summary>
internal static class PrivateFile
{
    public static void Write(string path, string content)
    {
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(content);
    }
}
