using Polytraders.Contracts;

namespace Polytraders.Trading.Intelligence;

/// <summary>
/// Fast EWMA minus slow EWMA, scaled so a gap of <c>fullScaleGap</c> is full conviction: positive while the recent
/// price runs above its longer trend.
/// </summary>
public sealed class EwmaCrossoverMomentum(Sensor fast, Sensor slow, Fixed fullScaleGap) : Valuator
{
    public override string Name => "ewma_crossover_momentum";

    public override Valuation Valuate()
    {
        var f = fast.Current;
        var s = slow.Current;
        if (!f.HasValue || !s.HasValue)
        {
            return Valuation.Abstain(ScoreType.Momentum, f.ReasonCode ?? s.ReasonCode ?? ReasonCodes.IntelInsufficientHistory);
        }

        return Valuation.Of(ScoreType.Momentum, ScoreMath.Scale(f.Reading!.Value - s.Reading!.Value, fullScaleGap));
    }
}
