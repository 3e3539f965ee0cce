using Polytraders.Contracts;

namespace Polytraders.Trading.Intelligence;

/// <summary>
/// The expected gain per share of trading toward an expected price, after paying half the spread to cross the book:
/// sign(expected - price) * max(0, |expected - price| - spread / 2), scaled so <c>fullScaleEdge</c> is full
/// conviction. An edge the spread eats scores zero.
/// </summary>
public sealed class SpreadAdjustedEdge(string name, Sensor expected, Sensor price, Sensor spread, Fixed fullScaleEdge) : Valuator
{
    public override string Name => name;

    public override Valuation Valuate()
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

        var gap = target.Reading!.Value - now.Reading!.Value;
        var edge = Fixed.Max(Fixed.Zero, Fixed.Abs(gap) - (cost.Reading!.Value / 2));
        return Valuation.Of(ScoreType.ExpectedEdge, ScoreMath.Scale(Fixed.Sign(gap) < 0 ? -edge : edge, fullScaleEdge), cost.ReasonCode);
    }
}
