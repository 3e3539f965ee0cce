using Polytraders.Contracts;

namespace Polytraders.Grains.Intelligence;

/// <summary>
/// Shares traded over the last <c>lookback</c> ticks. Once the feed has shown that it reports volume, a tick without
/// one reports no trade and counts as zero; a feed that never reports volume leaves the sensor abstaining rather
/// than reading as a market where nothing trades.
/// </summary>
public sealed class VolumeSensor(int lookback) : Sensor(Observation.Missing(ReasonCodes.IntelInsufficientHistory))
{
    private readonly RollingSum _volumes = new(lookback);
    private bool _feedReportsVolume;

    public override string Name => "volume";

    public override void Observe(in MarketTick tick)
    {
        _feedReportsVolume |= tick.Volume.HasValue;
        if (_feedReportsVolume)
        {
            _volumes.Push(tick.Volume is { } volume ? Fixed.From(volume) : Fixed.Zero);
        }

        Current = _volumes.IsFull
            ? Observation.Of(_volumes.Sum)
            : Observation.Missing(ReasonCodes.IntelInsufficientHistory);
    }
}
