using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Llo.Gateway.Tests;

/// <summary>
/// A partner compiles the contracts from the bundle <c>./llo protos DIR</c> writes, with nothing else on the
/// include path: checked with the protoc that ships in the Grpc.Tools package.
/// </summary>
public sealed partial class PartnerProtoBundleTests : IDisposable
{
    private static readonly string Root = RepositoryRoot();
    private readonly string _work = Directory.CreateTempSubdirectory("llo-protos-").FullName;

    [Fact]
    public async Task The_bundle_compiles_with_only_itself_on_the_include_path()
    {
        var bundle = Path.Combine(_work, "bundle");
        var (written, writeOutput) = await RunAsync("bash", Root, Path.Combine(Root, "eng", "protos.sh"), bundle);
        Assert.True(written == 0, writeOutput);

        var contracts = ContractFiles(bundle);
        var descriptors = Path.Combine(_work, "llo.pb");
        var (compiled, output) = await RunAsync(Protoc(), bundle,
            ["-I", ".", "--include_imports", $"--descriptor_set_out={descriptors}", .. contracts]);

        Assert.True(compiled == 0, $"protoc failed:\n{output}");
        Assert.Contains("inventory/v1/projects.proto", contracts);
        Assert.True(File.ReadAllText(descriptors).Contains("llo.inventory.v1", StringComparison.Ordinal));
        // Only Llo's own contracts and the google/... files they import, nothing else.
        Assert.All(Directory.GetFiles(bundle, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(bundle, f)),
            file => Assert.True(contracts.Contains(file.Replace('\\', '/')) || file.StartsWith("google", StringComparison.Ordinal), file));
    }

    [Fact]
    public async Task The_contracts_alone_do_not_compile_which_is_why_the_bundle_exists()
    {
        var source = Path.Combine(Root, "services", "Llo.Contracts", "Protos");

        var (exitCode, output) = await RunAsync(Protoc(), source,
            ["-I", ".", $"--descriptor_set_out={Path.Combine(_work, "alone.pb")}", .. ContractFiles(source)]);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("google/api/annotations.proto", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static string[] ContractFiles(string directory) =>
        [.. Directory.GetFiles(directory, "*.proto", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(directory, file).Replace('\\', '/'))
            .Where(file => !file.StartsWith("google/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    // protoc from the Grpc.Tools version the repository pins, in the restored NuGet packages.
    private static string Protoc()
    {
        var props = File.ReadAllText(Path.Combine(Root, "Directory.Packages.props"));
        var version = GrpcToolsVersion().Match(props).Groups[1].Value;
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var platform = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "linux_arm64" : "linux_x64";
        var protoc = Path.Combine(packages, "grpc.tools", version, "tools", platform, "protoc");
        Assert.True(File.Exists(protoc), $"protoc not found at {protoc}: restore the solution first.");
        return protoc;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string directory, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepositoryRoot()
    {
        if (Environment.GetEnvironmentVariable("LLO_ROOT") is { Length: > 0 } root) return root;
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Llo.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("Llo.sln not found above the test assembly: set LLO_ROOT.");
    }

    [GeneratedRegex("<PackageVersion Include=\"Grpc.Tools\" Version=\"([^\"]+)\"")]
    private static partial Regex GrpcToolsVersion();
}
