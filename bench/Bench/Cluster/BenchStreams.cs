namespace Polytraders.Bench.Cluster;

/// <summary>
/// The raw stream baseline's streams: on the system's own provider (<see cref="Grains.StreamNames.Provider"/>, memory
/// streams in the embedded default), in a namespace of the benchmark's, keyed by market id as the market streams are.
/// </summary>
internal static class BenchStreams
{
    public const string Namespace = "bench-ticks";

    public static StreamId Of(string marketId) => StreamId.Create(Namespace, marketId);
}
