namespace Polytraders.Bench.Cluster;

/// <summary>
/// One measured tape: ticks published, stream items processed by all subscribers, the span from the first publish to
/// the last delivery, and the cores this process used meanwhile.
/// </summary>
internal sealed record DeliveryRate(string Name, long Ticks, long Deliveries, TimeSpan Elapsed, double Cores)
{
    public double DeliveriesPerSecond => Deliveries / Elapsed.TotalSeconds;

    public double TicksPerSecond => Ticks / Elapsed.TotalSeconds;
}
