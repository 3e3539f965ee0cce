using Polytraders.Contracts;

namespace Polytraders.Grains.Intelligence;

/// <summary>
/// Where the last trade printed inside the spread: +1 at the ask (a buyer crossed), -1 at the bid (a seller crossed),
/// 2 * (last - mid) / spread in between. A zero spread tells nothing about who crossed, so it scores zero. Order flow,
/// so typed <see cref="ScoreType.Custom"/>.
/// </summary>
public sealed class TradeAggressorPressure(ISensor lastPrice, ISensor midPrice, ISensor spread) : IValuator
{
    public string Name => "trade_aggressor_pressure";

    public Valuation Valuate()
    {
        var last = lastPrice.Current;
        var mid = midPrice.Current;
        var width = spread.Current;
        if (!last.HasValue || !mid.HasValue || !width.HasValue)
        {
            return Valuation.Abstain(ScoreType.Custom, mid.ReasonCode ?? width.ReasonCode ?? last.ReasonCode ?? ReasonCodes.DiscNoBook);
        }

        var score = width.Value!.Value > 0m ? 2m * (last.Value!.Value - mid.Value!.Value) / width.Value.Value : 0m;
        return Valuation.Of(ScoreType.Custom, score, width.ReasonCode);
    }
}
