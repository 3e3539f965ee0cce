using Polytraders.Contracts;

namespace Polytraders.Trading.Intelligence;

/// <summary>
/// Traded volume over the window against the volume at which moves are trusted fully, capped at 1: prices that
/// barely trade move on single orders.
/// </summary>
public sealed class VolumeConfidence(Sensor volume, Fixed fullConfidenceVolume) : Valuator
{
    public override string Name => "volume_confidence";

    public override Valuation Valuate()
    {
        var traded = volume.Current;
        return traded.Reading is { } value
            ? Valuation.Of(ScoreType.Confidence, value / fullConfidenceVolume, traded.ReasonCode)
            : Valuation.Abstain(ScoreType.Confidence, traded.ReasonCode ?? ReasonCodes.IntelInsufficientHistory);
    }
}
