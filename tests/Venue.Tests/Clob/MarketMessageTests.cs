using Polytraders.Polymarket.Clob;

namespace Polytraders.Venue.Tests.Clob;

/// <summary>Market channel frame parsing, without a socket.</summary>
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
}
