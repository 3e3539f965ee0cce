using Polytraders.Contracts;

namespace Polytraders.Grains.Intelligence;

/// <summary>
/// The expected gain per share of trading toward an expected price, after paying half the spread to cross the book:
/// sign(expected - price) * max(0, |expected - price| - spread / 2), scaled so <c>fullScaleEdge</c> is full
/// conviction. An edge the spread eats scores zero.
/// </summary>
public sealed class SpreadAdjustedEdge(string name, ISensor expected, ISensor price, ISensor spread, decimal fullScaleEdge) : IValuator
{
    public string Name => name;

    public Valuation Valuate()
    {
        var target = expected.Current;
        var now = price.Current;
        var cost = spread.Current;
        if (!target.HasValue || !now.HasValue || !cost.HasValue)
        {
            return Valuation.Abstain(
                ScoreType.ExpectedEdge,
                target.ReasonCode ?? now.ReasonCode ?? cost.ReasonCode ?? ReasonCodes.IntelInsufficientHistory);
        }

        var gap = target.Value!.Value - now.Value!.Value;
        var edge = Math.Max(0m, Math.Abs(gap) - (cost.Value!.Value / 2m));
        return Valuation.Of(ScoreType.ExpectedEdge, ScoreMath.Scale(Math.Sign(gap) * edge, fullScaleEdge), cost.ReasonCode);
    }
}
