namespace Polytraders.Bench.Cluster;

/// <summary>
/// What the benchmark counts at the grains' doors (<see cref="CountingCallFilter"/>): stream items processed by a
/// Strategy, stream items processed by the raw baseline's subscribers, intents sent to risk and intents risk has decided.
/// </summary>
internal sealed class CallCounters
{
    private long _strategyDeliveries;
    private long _rawDeliveries;
    private long _intentsSent;
    private long _intentsDecided;

    public long StrategyDeliveries => Volatile.Read(ref _strategyDeliveries);

    public long RawDeliveries => Volatile.Read(ref _rawDeliveries);

    public long IntentsSent => Volatile.Read(ref _intentsSent);

    public long IntentsDecided => Volatile.Read(ref _intentsDecided);

    public void StrategyDelivered() => Interlocked.Increment(ref _strategyDeliveries);

    public void RawDelivered() => Interlocked.Increment(ref _rawDeliveries);

    public void IntentSent() => Interlocked.Increment(ref _intentsSent);

    public void IntentDecided() => Interlocked.Increment(ref _intentsDecided);
}
