using Polytraders.Contracts;
using Polytraders.Grains.Execution.Clob;

namespace Polytraders.Venue.Tests;

/// <summary>Frame parsing and the PriceUpdate projection, without a socket.</summary>
public sealed class MarketMessageTests
{
    private const string Market = "0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1";
    private static readonly DateTimeOffset Received = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    [Fact]
    public void an_array_frame_gives_one_event_per_object_and_reads_the_older_book_sides()
    {
        var events = MarketMessageParser.Parse($$"""
            [{"event_type":"book","asset_id":"1","market":"{{Market}}","bids":[{"price":".48","size":"30"}],"asks":[{"price":".52","size":"25"}],"timestamp":"123456789000","hash":"0x0"},
             {"event_type":"book","asset_id":"2","market":"{{Market}}","buys":[{"price":"0.4","size":"1"}],"sells":[],"timestamp":"123456789001"},
             {"event_type":"new_market","id":"9"}]
            """, Received);

        Assert.Equal(2, events.Count);
        var first = Assert.IsType<BookSnapshot>(events[0]);
        Assert.Equal((0.48m, 0.52m, DateTimeOffset.FromUnixTimeMilliseconds(123_456_789_000)), (first.BestBid, first.BestAsk, first.Timestamp));
        var second = Assert.IsType<BookSnapshot>(events[1]);
        Assert.Equal((0.4m, (decimal?)null), (second.BestBid, second.BestAsk));
    }

    [Fact]
    public void tick_size_change_and_market_resolved_are_parsed()
    {
        var events = MarketMessageParser.Parse($$"""
            [{"event_type":"tick_size_change","asset_id":"1","market":"{{Market}}","old_tick_size":"0.01","new_tick_size":"0.001","timestamp":"100000"},
             {"event_type":"market_resolved","id":"1031769","market":"{{Market}}","assets_ids":["1","2"],"winning_asset_id":"1","winning_outcome":"Yes","timestamp":"1766790415550"}]
            """, Received);

        Assert.Equal(new TickSizeChanged(Market, "1", DateTimeOffset.FromUnixTimeMilliseconds(100_000), 0.01m, 0.001m), events[0]);
        var resolved = Assert.IsType<MarketResolved>(events[1]);
        Assert.Equal((Market, "1", "Yes"), (resolved.Market, resolved.AssetId, resolved.WinningOutcome));
        Assert.Equal(["1", "2"], resolved.AssetIds);
    }

    [Fact]
    public void malformed_entries_and_unknown_events_are_skipped()
    {
        var events = MarketMessageParser.Parse("""
            [{"event_type":"price_change","market":"m","price_changes":[{"asset_id":"1","price":"x","side":"BUY"},{"asset_id":"1","price":"0.5","side":"BUY"}]},
             {"event_type":"last_trade_price","asset_id":"1"},
             {"no_event_type":true}, 42]
            """, Received);

        var change = Assert.IsType<PriceLevelChange>(Assert.Single(events));
        Assert.Equal((0.5m, (decimal?)null, Received), (change.Price, change.Size, change.Timestamp));
    }

    [Fact]
    public void prices_are_midpoints_of_the_top_of_book_and_trade_prices()
    {
        var projector = new PriceUpdateProjector(firstSequence: 10);
        var at = Received;

        var book = projector.Project(new BookSnapshot(Market, "1", at, [new() { Price = 0.48m, Size = 1 }], [new() { Price = 0.52m, Size = 1 }], null, false));
        var trade = projector.Project(new LastTradePrice(Market, "1", at, 0.51m, 5m, Side.Buy));
        var change = projector.Project(new PriceLevelChange(Market, "1", at, 0.5m, 10m, Side.Buy, 0.5m, 0.52m, null));

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
        Assert.Null(projector.Project(new PriceLevelChange(Market, "1", Received, 0.5m, 1m, Side.Buy, 0.5m, 1m, null)));
        Assert.Null(projector.Project(new LastTradePrice(Market, "1", Received, 1m, null, null)));
    }
}
