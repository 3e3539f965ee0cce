using Polytraders.Contracts;

namespace Polytraders.Trading.Intelligence;

/// <summary>
/// Where the last trade printed inside the spread: +1 at the ask (a buyer crossed), -1 at the bid (a seller crossed),
/// 2 * (last - mid) / spread in between. A zero spread tells nothing about who crossed, so it scores zero. Order flow,
/// so typed <see cref="ScoreType.Custom"/>.
/// </summary>
public sealed class TradeAggressorPressure(Sensor lastPrice, Sensor midPrice, Sensor spread) : Valuator
{
    public override string Name => "trade_aggressor_pressure";

    public override Valuation Valuate()
    {
        var last = lastPrice.Current;
        var mid = midPrice.Current;
        var width = spread.Current;
        if (!last.HasValue || !mid.HasValue || !width.HasValue)
        {
            return Valuation.Abstain(ScoreType.Custom, mid.ReasonCode ?? width.ReasonCode ?? last.ReasonCode ?? ReasonCodes.DiscNoBook);
        }

        var spreadWidth = width.Reading!.Value;
        var score = spreadWidth > Fixed.Zero ? 2 * (last.Reading!.Value - mid.Reading!.Value) / spreadWidth : Fixed.Zero;
        return Valuation.Of(ScoreType.Custom, score, width.ReasonCode);
    }
}
