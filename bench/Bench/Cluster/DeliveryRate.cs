namespace Polytraders.Bench.Cluster;

/// <summary>
/// One measured tape: ticks published, stream items processed by all subscribers, the span from the first publish to
/// the last delivery, the cores this process used meanwhile, how long the garbage collector paused it meanwhile and the
/// managed heap it held at the end (what the run keeps alive, history included, costs every collection), and what it
/// allocated meanwhile. CPU time and bytes per delivery hold when other processes share the machine; rates do not.
/// </summary>
internal sealed record DeliveryRate(string Name, long Ticks, long Deliveries, TimeSpan Elapsed, double Cores, TimeSpan GcPause, long HeapBytes, long AllocatedBytes)
{
    public double CpuMicrosecondsPerDelivery => Cores * Elapsed.TotalMicroseconds / Deliveries;

    public double AllocatedBytesPerDelivery => (double)AllocatedBytes / Deliveries;

    public double GcPauseShare => GcPause / Elapsed;

    public double DeliveriesPerSecond => Deliveries / Elapsed.TotalSeconds;

    public double TicksPerSecond => Ticks / Elapsed.TotalSeconds;
}
