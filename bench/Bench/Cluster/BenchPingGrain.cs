namespace Polytraders.Bench.Cluster;

/// <summary>The raw grain-call baseline: a call that does no work, so what it costs is Orleans' call path alone.</summary>
[Alias("Polytraders.Bench.IBenchPingGrain")]
public interface IBenchPingGrain : IGrainWithIntegerKey
{
    [Alias("Ping")]
    Task<int> Ping(int value);
}

public sealed class BenchPingGrain : Grain, IBenchPingGrain
{
    public Task<int> Ping(int value) => Task.FromResult(value);
}
