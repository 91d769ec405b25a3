namespace Llo.GrpcClients;

/// <summary>How a typed gRPC client calls another Llo service.</summary>
public sealed class LloGrpcClientOptions
{
    /// <summary>Deadline of a call that sets none itself. A call without a deadline could wait forever.</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Attempts (the first included) of a call that is safe to repeat and failed with <c>Unavailable</c>:
    /// the service's reads (<c>Get…</c>, <c>List…</c>, <c>Search…</c>) and the methods named in <see cref="RetryAlso"/>.
    /// </summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// Methods besides the reads that may be retried, e.g. a write the service makes idempotent with a request id.
    /// A write is never retried otherwise: it may have taken effect before the connection broke.
    /// </summary>
    public ISet<string> RetryAlso { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The service's address; by default its "grpc" endpoint through service discovery, <c>http://_grpc.&lt;service&gt;</c>.</summary>
    public Uri? Address { get; set; }
}
