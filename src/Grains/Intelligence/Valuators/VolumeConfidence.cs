using Polytraders.Contracts;

namespace Polytraders.Grains.Intelligence;

/// <summary>
/// Traded volume over the window against the volume at which moves are trusted fully, capped at 1: prices that
/// barely trade move on single orders.
/// </summary>
public sealed class VolumeConfidence(ISensor volume, decimal fullConfidenceVolume) : IValuator
{
    public string Name => "volume_confidence";

    public Valuation Valuate()
    {
        var traded = volume.Current;
        return traded.Value is { } value
            ? Valuation.Of(ScoreType.Confidence, value / fullConfidenceVolume, traded.ReasonCode)
            : Valuation.Abstain(ScoreType.Confidence, traded.ReasonCode ?? ReasonCodes.IntelInsufficientHistory);
    }
}
