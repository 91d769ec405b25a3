using System.Security.Cryptography;

namespace Llo.AppHost.Infrastructure;

/// <summary>
/// A password generated once per installation and kept in a file of its own. The file is created exclusively
/// (O_EXCL: a file or link someone placed there first is never written through) with mode 0600 from the start,
/// so there is no moment in which another account could read it; an existing one is used only if it is a plain
/// file that no other account can read.
/// </summary>
public static class SecretFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerOnly | UnixFileMode.UserExecute;

    /// <summary>
    /// The secret in <paramref name="path"/>, created (<paramref name="randomBytes"/> random bytes as hex digits, 16 for
    /// a password) when the file does not exist yet.
    /// </summary>
    public static string ReadOrCreate(string path, int randomBytes = 16)
    {
        var directory = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        }
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(randomBytes));
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnly;
            }
            using var stream = new FileStream(path, options);
            using var writer = new StreamWriter(stream);
            writer.Write(password + "\n");
            return password;
        }
        catch (IOException) when (File.Exists(path) || new FileInfo(path).LinkTarget is not null)
        {
            return ReadExisting(path);
        }
    }

    /// <summary>Whether <paramref name="path"/> exists (a password file of an earlier start).</summary>
    public static bool Exists(string path) => File.Exists(path);

    private static string ReadExisting(string path)
    {
        var file = new FileInfo(path);
        if (file.LinkTarget is not null)
        {
            throw new PrerequisiteException($"The password file {path} is a symbolic link: remove it and start again.");
        }
        if ((file.UnixFileMode & ~OwnerOnly) != 0)
        {
            throw new PrerequisiteException(
                $"The password file {path} can be read by other accounts (mode {Convert.ToString((int)file.UnixFileMode, 8)}): run 'chmod 600 {path}' if nobody else could have read it, or remove it with './llo reset'.");
        }
        return File.ReadAllText(path).Trim();
    }
}
