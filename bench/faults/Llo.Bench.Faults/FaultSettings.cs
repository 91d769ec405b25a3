using System.Globalization;

namespace Llo.Bench.Faults;

/// <summary>What bench/faults/run.sh hands over, as environment variables (FAULTS_…).</summary>
internal sealed record FaultSettings(
    Uri Gateway, string Amqp, string InventoryDatabase, string RunId, int Projects, double Rate, TimeSpan AttemptTimeout,
    int MaxInFlight, TimeSpan Drain, string WorkDirectory)
{
    public static FaultSettings FromEnvironment() => new(
        new Uri(Required("FAULTS_GATEWAY")),
        Required("FAULTS_AMQP"),
        Required("FAULTS_INVENTORY_DB"),
        Required("FAULTS_RUN_ID"),
        int.Parse(Optional("FAULTS_PROJECTS", "1000"), CultureInfo.InvariantCulture),
        double.Parse(Optional("FAULTS_RATE", "4"), CultureInfo.InvariantCulture),
        TimeSpan.FromSeconds(double.Parse(Optional("FAULTS_TIMEOUT", "10"), CultureInfo.InvariantCulture)),
        int.Parse(Optional("FAULTS_MAX_IN_FLIGHT", "50"), CultureInfo.InvariantCulture),
        TimeSpan.FromSeconds(double.Parse(Optional("FAULTS_DRAIN", "120"), CultureInfo.InvariantCulture)),
        Required("FAULTS_WORK_DIR"));

    /// <summary>The script creates this file once its last fault is over and every server is back.</summary>
    public string FaultsDoneMarker => Path.Combine(WorkDirectory, "faults.done");

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"{name} is not set.");

    private static string Optional(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;
}
