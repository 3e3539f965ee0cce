using Polytraders.Contracts;

namespace Polytraders.Bench.Cluster;

/// <summary>
/// What the benchmark counts at the grains' doors (<see cref="CountingCallFilter"/>): stream items processed by a
/// Strategy, stream items processed by the raw baseline's subscribers, intents sent to risk and intents risk has decided,
/// and the audit envelopes sent to the trails (Signals and all).
/// </summary>
internal sealed class CallCounters
{
    private long _strategyDeliveries;
    private long _rawDeliveries;
    private long _intentsSent;
    private long _intentsDecided;
    private long _envelopes;
    private long _signals;

    public long StrategyDeliveries => Volatile.Read(ref _strategyDeliveries);

    public long RawDeliveries => Volatile.Read(ref _rawDeliveries);

    public long IntentsSent => Volatile.Read(ref _intentsSent);

    public long IntentsDecided => Volatile.Read(ref _intentsDecided);

    public long Envelopes => Volatile.Read(ref _envelopes);

    public long Signals => Volatile.Read(ref _signals);

    public void Enveloped(AuditEnvelope envelope)
    {
        Interlocked.Increment(ref _envelopes);
        if (envelope.Payload.Kind == AuditPayloadKind.Signal)
        {
            Interlocked.Increment(ref _signals);
        }
    }

    public void StrategyDelivered() => Interlocked.Increment(ref _strategyDeliveries);

    public void RawDelivered() => Interlocked.Increment(ref _rawDeliveries);

    public void IntentSent() => Interlocked.Increment(ref _intentsSent);

    public void IntentDecided() => Interlocked.Increment(ref _intentsDecided);
}
