using Polytraders.Contracts;

namespace Polytraders.Trading.Intelligence;

/// <summary>
/// Resting size imbalance at the top of the book taken as short-term price pressure. It is order flow, not trend,
/// fair value or edge, so it is typed <see cref="ScoreType.Custom"/>.
/// </summary>
public sealed class BookImbalancePressure(Sensor bookImbalance) : Valuator
{
    public override string Name => "book_imbalance_pressure";

    public override Valuation Valuate()
    {
        var imbalance = bookImbalance.Current;
        return imbalance.Reading is { } value
            ? Valuation.Of(ScoreType.Custom, value, imbalance.ReasonCode)
            : Valuation.Abstain(ScoreType.Custom, imbalance.ReasonCode ?? ReasonCodes.DiscNoBook);
    }
}
