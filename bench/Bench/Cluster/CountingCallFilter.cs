using Polytraders.Contracts;
using Polytraders.Grains;

namespace Polytraders.Bench.Cluster;

/// <summary>
/// Counts, without touching product code, what reaches the grains. Stream items reach a subscriber as calls on Orleans'
/// stream consumer extension of the subscribing activation (seen here as <c>DeliverBatch</c>, one call per item on
/// memory streams, with <see cref="IGrainCallContext.Grain"/> the subscribing grain), and the call returns once the
/// grain's <c>OnNextAsync</c> has run: counted after it returns, a delivery is a tick the subscriber has processed.
/// Intents are counted twice: when sent to <see cref="IRiskGrain.Submit"/> (outgoing: one-way, so the sender never
/// waits) and when risk has decided them (incoming, after the call). Audit envelopes are counted as they are sent to an
/// audit trail, Signals apart from the rest, so a run can say what its tape made the system record. Grains are told apart by the interfaces they serve,
/// not by their classes, so a redesign of their internals keeps the counts working. Calls not counted pass straight
/// through, without an extra state machine.
/// </summary>
internal sealed class CountingCallFilter(CallCounters counters) : IIncomingGrainCallFilter, IOutgoingGrainCallFilter
{
    private const string StreamConsumerExtension = "Orleans.Streams.IStreamConsumerExtension";

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Grain is IStrategyGrain && IsStreamDelivery(context))
        {
            return CountAfter(context, counters.StrategyDelivered);
        }

        if (context.Grain is BenchTickSubscriberGrain && IsStreamDelivery(context))
        {
            return CountAfter(context, counters.RawDelivered);
        }

        return IsSubmit(context) ? CountAfter(context, counters.IntentDecided) : context.Invoke();
    }

    public Task Invoke(IOutgoingGrainCallContext context)
    {
        if (IsSubmit(context))
        {
            counters.IntentSent();
        }
        else if (context.Request.GetInterfaceType() == typeof(IAuditTrailGrain))
        {
            CountEnvelopes(context.Request.GetArgument(0));
        }

        return context.Invoke();
    }

    private void CountEnvelopes(object? argument)
    {
        switch (argument)
        {
            case AuditEnvelope envelope:
                counters.Enveloped(envelope);
                break;
            case IReadOnlyList<AuditEnvelope> envelopes:
                foreach (var envelope in envelopes)
                {
                    counters.Enveloped(envelope);
                }

                break;
        }
    }

    /// <summary>DeliverBatch, DeliverImmutable or DeliverMutable, whichever the provider uses; not GetSequenceToken and the like.</summary>
    private static bool IsStreamDelivery(IGrainCallContext context) =>
        context.InterfaceName == StreamConsumerExtension && context.MethodName.StartsWith("Deliver", StringComparison.Ordinal);

    private static bool IsSubmit(IGrainCallContext context) =>
        context.Grain is IRiskGrain && context.MethodName == nameof(IRiskGrain.Submit);

    private static async Task CountAfter(IGrainCallContext context, Action count)
    {
        await context.Invoke();
        count();
    }
}
