using Microsoft.Extensions.Options;
using Polytraders.Contracts;

namespace Polytraders.Trading.Venues;

/// <summary>
/// The embedded default's venue: fills a marketable limit order against the market's last replayed observation and
/// answers as the real venue does (fills with status MATCHED, none when nothing traded). No fees: Polymarket charges
/// none to makers or takers on most markets, and the paper venue must not invent PnL. Fills are built by
/// <see cref="SimulatedFill"/>, as the Backtest's are, and happen at the time of the price they fill against unless
/// the wall clock is later.
/// <list type="bullet">
/// <item>With a book on the order's side (a BUY needs best_ask and ask_size, a SELL best_bid and bid_size), a BUY whose
/// limit is at or above the best ask fills at it, a SELL whose limit is at or below the best bid fills at it, up to the
/// size shown there; the rest is killed, as a fill-and-kill order's is.</item>
/// <item>Without one, a BUY whose limit is at or above the last price (a SELL at or below it) fills in full at it.</item>
/// <item>Either way <see cref="PaperVenueOptions.SlippageTicks"/> moves the price against the order, never past its limit.</item>
/// </list>
/// Anything unmarketable rests unfilled.
/// </summary>
public sealed class PaperVenue(TimeProvider time, IOptions<PaperVenueOptions> options) : IVenue
{
    public string Name => "paper";

    public Task<VenueAnswer> SubmitAsync(Order order, OrderIntent intent, MarketState market, CancellationToken cancellationToken)
    {
        if (market.Last is not { } last)
        {
            return Task.FromResult(VenueAnswer.Refused(ReasonCodes.ExecOrderRejectedByVenue, "no price yet in this market"));
        }

        var (observed, available) = AgainstOf(intent.Side, last);
        if (!SimulatedFill.IsMarketable(intent.Side, intent.LimitPrice, observed) || available is <= 0m)
        {
            return Task.FromResult(VenueAnswer.Filled([]));
        }

        var price = SimulatedFill.PriceWithSlippage(intent.Side, observed, intent.LimitPrice, market.Market.TickSize, options.Value.SlippageTicks);
        var size = available is { } shown ? Math.Min(intent.Size, shown) : intent.Size;
        var fill = SimulatedFill.Of(intent, size, price, fee: 0m, EventTime.Of(last.Timestamp, time.GetUtcNow()), FillVenue.Paper);
        return Task.FromResult(VenueAnswer.Filled([fill]));
    }

    /// <summary>The price an order trades against and the size available there (null: unlimited, no book).</summary>
    private static (decimal Price, decimal? Size) AgainstOf(Side side, PriceUpdate last) => side == Side.Buy
        ? last is { BestAsk: { } ask, AskSize: { } askSize } ? (ask, askSize) : (last.Price, null)
        : last is { BestBid: { } bid, BidSize: { } bidSize } ? (bid, bidSize) : (last.Price, null);
}
