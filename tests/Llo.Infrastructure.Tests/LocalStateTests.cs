using System.Diagnostics;
using Llo.AppHost.Infrastructure;

namespace Llo.Infrastructure.Tests;

/// <summary>Password files, the state directory outside the checkout, and pid files of the app host's servers.</summary>
public sealed class LocalStateTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("llo-state-test-").FullName;

    [Fact]
    public void A_password_file_is_created_with_mode_0600_and_read_back_unchanged()
    {
        var file = Path.Combine(_directory, "secrets", "postgres-inventory.password");

        var created = SecretFile.ReadOrCreate(file);
        var again = SecretFile.ReadOrCreate(file);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(file)!));
        Assert.Matches("^[0-9a-f]{32}$", created);
        Assert.Equal(created, again);
    }

    [Fact]
    public void A_password_file_others_can_read_is_refused()
    {
        var file = Path.Combine(_directory, "rabbitmq-llo.password");
        File.WriteAllText(file, "0123456789abcdef\n");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var refused = Assert.Throws<PrerequisiteException>(() => SecretFile.ReadOrCreate(file));
        Assert.Contains("can be read by other accounts", refused.Message);
    }

    [Fact]
    public void A_link_placed_where_a_password_file_goes_is_not_written_through_and_is_refused()
    {
        var target = Path.Combine(_directory, "someone-elses-file");
        File.WriteAllText(target, "");
        var file = Path.Combine(_directory, "postgres-identity.password");
        File.CreateSymbolicLink(file, target);

        Assert.Throws<PrerequisiteException>(() => SecretFile.ReadOrCreate(file));
        Assert.Equal("", File.ReadAllText(target));
    }

    [Fact]
    public void A_state_directory_of_ours_that_only_we_may_write_is_accepted()
    {
        File.SetUnixFileMode(_directory, (UnixFileMode)0b111_101_101);

        ServiceAccount.RequirePrivate(_directory);
    }

    [Fact]
    public void A_state_directory_others_may_write_is_refused()
    {
        File.SetUnixFileMode(_directory, (UnixFileMode)0b111_111_111);

        var refused = Assert.Throws<PrerequisiteException>(() => ServiceAccount.RequirePrivate(_directory));
        Assert.Contains("can be written by other accounts", refused.Message);
    }

    [Fact]
    public async Task A_state_directory_that_another_account_owns_is_refused()
    {
        Assert.True(Environment.UserName == "root", "changing a directory's owner needs root (./llo test runs as root here)");
        File.SetUnixFileMode(_directory, (UnixFileMode)0b111_101_101);
        using (var chown = Process.Start("chown", ["nobody", _directory]))
        {
            await chown.WaitForExitAsync();
            Assert.Equal(0, chown.ExitCode);
        }

        var refused = Assert.Throws<PrerequisiteException>(() => ServiceAccount.RequirePrivate(_directory));
        Assert.Contains("belongs to another account", refused.Message);
    }

    [Fact]
    public async Task A_pid_file_is_trusted_only_when_the_process_names_our_data_directory()
    {
        var data = Path.Combine(_directory, "data");
        using var process = Process.Start("/bin/sh", ["-c", "sleep 30; true", data])!;
        try
        {
            await Task.Delay(200); // until /proc shows the command line

            Assert.True(LeftoverProcess.NamesDirectory(process.Id, data));
            Assert.True(LeftoverProcess.NamesDirectory(process.Id, data + "/"));
            Assert.False(LeftoverProcess.NamesDirectory(process.Id, Path.Combine(_directory, "other")));
            Assert.False(LeftoverProcess.NamesDirectory(Environment.ProcessId, data));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
