using Polytraders.Contracts;

namespace Polytraders.Trading.Intelligence;

/// <summary>
/// Shares traded over the last <c>lookback</c> ticks. Once the feed has shown that it reports volume, a tick without
/// one reports no trade and counts as zero; a feed that never reports volume leaves the sensor abstaining rather
/// than reading as a market where nothing trades. The window is summed in decimal, because a feed may report up to
/// 10^15 shares a tick; the reading stops at <see cref="Ceiling"/>, where volume confidence has long been full.
/// </summary>
public sealed class VolumeSensor(int lookback) : Sensor(Observation.Missing(ReasonCodes.IntelInsufficientHistory))
{
    /// <summary>A billion shares: the largest volume reading, far above any full-confidence volume.</summary>
    public const decimal Ceiling = 1_000_000_000m;

    private readonly RollingSum<decimal> _volumes = new(lookback);
    private bool _feedReportsVolume;

    public override string Name => "volume";

    public override void Observe(in MarketTick tick)
    {
        _feedReportsVolume |= tick.Volume.HasValue;
        if (_feedReportsVolume)
        {
            _volumes.Push(tick.Volume ?? 0m);
        }

        Current = _volumes.IsFull
            ? Observation.Of(Math.Min(_volumes.Sum, Ceiling))
            : Observation.Missing(ReasonCodes.IntelInsufficientHistory);
    }
}
