using Polytraders.Contracts;

namespace Polytraders.Grains.Execution.Venues;

/// <summary>
/// The embedded default's venue: fills a marketable limit order in full at the last replayed price (a BUY whose limit
/// is at or above it, a SELL at or below it); anything else rests unfilled. No fees: Polymarket charges none to makers
/// or takers on most markets, and the paper venue must not invent PnL. The fill is built by <see cref="SimulatedFill"/>,
/// as the Backtest's are, and happens at the time of the price it fills against unless the wall clock is later.
/// </summary>
public sealed class PaperVenue(TimeProvider time) : IVenue
{
    public string Name => "paper";

    public Task<VenueAnswer> SubmitAsync(Order order, OrderIntent intent, MarketState market, CancellationToken cancellationToken)
    {
        if (market.Last is not { } last)
        {
            return Task.FromResult(VenueAnswer.Refused(ReasonCodes.ExecOrderRejectedByVenue, "no price yet in this market"));
        }

        if (!SimulatedFill.IsMarketable(intent.Side, intent.LimitPrice, last.Price))
        {
            return Task.FromResult(VenueAnswer.Filled([]));
        }

        var fill = SimulatedFill.Of(intent, intent.Size, last.Price, fee: 0m, SimulatedFill.TimeOf(last.Timestamp, time.GetUtcNow()), FillVenue.Paper);
        return Task.FromResult(VenueAnswer.Filled([fill]));
    }
}
