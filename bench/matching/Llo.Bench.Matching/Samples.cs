namespace Llo.Bench.Matching;

/// <summary>
/// The timings of one kind of query on one engine, gathered block by block: back to back (wall clock and the thread's
/// CPU time) and then the same block again with a 1 ms pause before each query, as requests reach a service.
/// </summary>
internal sealed class Samples
{
    public const int PauseMs = 1;

    private readonly List<double> wall = [];
    private readonly List<double> cpu = [];
    private readonly List<double> paced = [];

    public Timing Wall => Timing.Of(wall);

    public Timing Cpu => Timing.Of(cpu);

    public Timing Paced => Timing.Of(paced);

    public void Run<T>(IReadOnlyList<T> block, Action<T> query)
    {
        var (w, c) = Timing.Times(block, query);
        wall.AddRange(w);
        cpu.AddRange(c);
        paced.AddRange(Timing.Times(block, query, PauseMs).Wall);
    }
}
