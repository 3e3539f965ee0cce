namespace Polytraders.Bench.Cluster;

/// <summary>The run cannot produce an honest figure (bad arguments, something never completed): exit non-zero with this message.</summary>
internal sealed class BenchFailure(string message) : Exception(message);
