using Polytraders.Grains.Audit;
using Polytraders.Grains.Execution;
using Polytraders.Grains.Pipeline;
using Polytraders.Grains.Portfolios;
using Polytraders.Grains.Risk;
using Polytraders.Grains.Strategies;
using Polytraders.Grains.Telemetry;

namespace Polytraders.Grains.Tests;

/// <summary>
/// Counts calls into the grains of the flow (strategy, risk, execution, portfolio, audit trail) and calls the silo
/// sends to them, and price deliveries into strategy grains. Settled: every price delivered and processed, every
/// message sent has arrived, nothing is running.
/// </summary>
public sealed class FlowTracker : IIncomingGrainCallFilter, IOutgoingGrainCallFilter, IDisposable
{
    private readonly System.Diagnostics.Metrics.MeterListener _outboxes = new();
    private long _outboxPending;
    private long _received;
    private long _sent;
    private long _active;
    private long _deliveries;

    public FlowTracker()
    {
        // Grains hand their decisions to outboxes that deliver behind their turns: settled means those are empty too.
        _outboxes.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GrainMetrics.MeterName && instrument.Name == GrainMetrics.OutboxPending)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _outboxes.SetMeasurementEventCallback<long>((_, change, _, _) => Interlocked.Add(ref _outboxPending, change));
        _outboxes.Start();
    }

    public long Deliveries => Interlocked.Read(ref _deliveries);

    public void Dispose() => _outboxes.Dispose();

    public long Imbalance => Interlocked.Read(ref _received) - Interlocked.Read(ref _sent);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        var grain = context.TargetContext.GrainInstance;
        if (grain is not (StrategyGrain or RiskGrain or ExecutionGrain or OrderGrain or PortfolioGrain or AuditTrailGrain))
        {
            await context.Invoke();
            return;
        }

        var delivery = grain is StrategyGrain && context.InterfaceMethod?.DeclaringType != typeof(IStrategyGrain);
        if (!delivery)
        {
            Interlocked.Increment(ref _received);
        }

        Interlocked.Increment(ref _active);
        try
        {
            await context.Invoke();
        }
        finally
        {
            if (delivery)
            {
                Interlocked.Increment(ref _deliveries);
            }

            Interlocked.Decrement(ref _active);
        }
    }

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        var target = context.InterfaceMethod?.DeclaringType;
        if (target == typeof(IStrategyGrain) || target == typeof(IRiskGrain) || target == typeof(IExecutionGrain) || target == typeof(IOrderGrain) || target == typeof(IPortfolioGrain) || target == typeof(IAuditTrailGrain))
        {
            Interlocked.Increment(ref _sent);
        }

        await context.Invoke();
    }

    public async Task SettledAsync(long deliveries, long baseline)
    {
        // Generous: a loaded CI machine is slow, and only a flow that never settles waits this long.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(Quiet(deliveries, baseline) && Quiet(deliveries, baseline)))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the flow did not settle: deliveries {Deliveries}/{deliveries}, active {Interlocked.Read(ref _active)}, imbalance {Imbalance} (baseline {baseline}), outboxes {Interlocked.Read(ref _outboxPending)}");
            }

            await Task.Delay(1);
        }
    }

    /// <summary>
    /// Nothing running, no outbox holding anything and nothing changing for a few milliseconds: every message a step
    /// led to has arrived and finished, whoever sent it (for flows where the deliveries to expect are not known).
    /// </summary>
    public async Task StillAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var (received, sent, deliveries, still) = (-1L, -1L, -1L, 0);
        while (still < 3)
        {
            var now = (Interlocked.Read(ref _received), Interlocked.Read(ref _sent), Deliveries);
            still = Interlocked.Read(ref _active) == 0 && Interlocked.Read(ref _outboxPending) == 0 && now == (received, sent, deliveries) ? still + 1 : 0;
            (received, sent, deliveries) = now;
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the flow did not come to rest: active {Interlocked.Read(ref _active)}, outboxes {Interlocked.Read(ref _outboxPending)}");
            }

            await Task.Delay(2, cancellationToken);
        }
    }

    /// <summary>Nothing running and nothing changing for 100 ms (after set-up, whose calls come from the client).</summary>
    public async Task QuietAsync()
    {
        var (received, sent) = (-1L, -1L);
        while (Interlocked.Read(ref _active) != 0 || received != Interlocked.Read(ref _received) || sent != Interlocked.Read(ref _sent))
        {
            (received, sent) = (Interlocked.Read(ref _received), Interlocked.Read(ref _sent));
            await Task.Delay(100);
        }
    }

    private bool Quiet(long deliveries, long baseline) =>
        Interlocked.Read(ref _deliveries) >= deliveries && Interlocked.Read(ref _active) == 0 && Imbalance == baseline && Interlocked.Read(ref _outboxPending) == 0;
}
