using Polytraders.Contracts;

namespace Polytraders.Grains.Execution.Venues;

/// <summary>
/// The embedded default's venue: fills a marketable limit order in full at the last replayed price (a BUY whose limit
/// is at or above it, a SELL at or below it); anything else rests unfilled. No fees: Polymarket charges none to makers
/// or takers on most markets, and the paper venue must not invent PnL.
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

        var marketable = intent.Side == Side.Buy ? intent.LimitPrice >= last.Price : intent.LimitPrice <= last.Price;
        if (!marketable)
        {
            return Task.FromResult(VenueAnswer.Filled([]));
        }

        var fill = new Fill
        {
            FillId = $"paper:{intent.ClientOrderId}:1",
            ClientOrderId = intent.ClientOrderId,
            PortfolioId = intent.PortfolioId,
            MarketId = intent.MarketId,
            TokenId = intent.TokenId,
            Side = intent.Side,
            Size = intent.Size,
            Price = last.Price,
            Fee = 0m,
            FilledAt = time.GetUtcNow(),
            Venue = FillVenue.Paper,
            Status = FillStatus.Matched,
        };
        return Task.FromResult(VenueAnswer.Filled([fill]));
    }
}
