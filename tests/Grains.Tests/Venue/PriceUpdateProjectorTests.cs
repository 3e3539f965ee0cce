using Polytraders.Contracts;
using Polytraders.Grains.Execution.Polymarket;
using Polytraders.Polymarket.Clob;
using Polytraders.Polymarket.Orders;

namespace Polytraders.Grains.Tests.Venue;

/// <summary>Market feed events → our PriceUpdate contract, without a socket.</summary>
public sealed class PriceUpdateProjectorTests
{
    private const string Market = "0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1";
    private static readonly DateTimeOffset Received = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    [Fact]
    public void prices_are_midpoints_of_the_top_of_book_and_trade_prices()
    {
        var projector = new PriceUpdateProjector(firstSequence: 10);
        var at = Received;

        var book = projector.Project(new BookSnapshot(Market, "1", at, [new() { Price = 0.48m, Size = 1 }], [new() { Price = 0.52m, Size = 1 }], null, false));
        var trade = projector.Project(new LastTradePrice(Market, "1", at, 0.51m, 5m, OrderSide.Buy));
        var change = projector.Project(new PriceLevelChange(Market, "1", at, 0.5m, 10m, OrderSide.Buy, 0.5m, 0.52m, null));

        Assert.Equal((0.50m, 0.48m, 0.52m, 10L, PriceUpdateSource.Venue), (book!.Price, book.BestBid, book.BestAsk, book.Sequence, book.Source));
        Assert.Equal((0.51m, 0.48m, 0.52m, 11L), (trade!.Price, trade.BestBid, trade.BestAsk, trade.Sequence));
        Assert.Equal((0.51m, 12L), (change!.Price, change.Sequence));
    }

    [Fact]
    public void a_gap_skips_one_sequence_number_in_the_markets_it_touched()
    {
        var projector = new PriceUpdateProjector();
        var before = projector.Project(new LastTradePrice(Market, "1", Received, 0.5m, null, null));
        Assert.Null(projector.Project(new FeedGap(["1"], Received, Received.AddSeconds(3))));
        var after = projector.Project(new LastTradePrice(Market, "1", Received.AddSeconds(3), 0.5m, null, null));

        Assert.Equal((1L, 3L), (before!.Sequence, after!.Sequence));
    }

    [Fact]
    public void an_empty_side_gives_no_price()
    {
        var projector = new PriceUpdateProjector();

        // The venue shows an empty ask side as best_ask "1"; a midpoint of 0.75 would be invented.
        Assert.Null(projector.Project(new PriceLevelChange(Market, "1", Received, 0.5m, 1m, OrderSide.Buy, 0.5m, 1m, null)));
        Assert.Null(projector.Project(new LastTradePrice(Market, "1", Received, 1m, null, null)));
    }
}
