using Microsoft.Extensions.Options;
using Polytraders.Contracts;
using Polytraders.Core.Tests.Momentum;
using Polytraders.Core.Tests.Risk;
using Polytraders.Trading.Venues;

namespace Polytraders.Core.Tests.Venues;

/// <summary>The paper venue fills against the market's last observation: its book when it has one, its price otherwise.</summary>
public sealed class PaperVenueTests
{
    private static readonly Market Market = TestMarkets.Btc;

    [Fact]
    public async Task a_buy_fills_at_the_best_ask_up_to_its_size_and_the_rest_is_killed()
    {
        var answer = await Submit(RiskFixture.Buy(Market, 100m, 0.55m), Book(bid: 0.48m, bidSize: 30m, ask: 0.52m, askSize: 25m));

        var fill = Assert.Single(answer.Fills);
        Assert.True(answer.Accepted);
        Assert.False(answer.Resting);
        Assert.Equal((25m, 0.52m, FillStatus.Matched, FillVenue.Paper, 0m), (fill.Size, fill.Price, fill.Status, fill.Venue, fill.Fee));
        Assert.StartsWith("paper:", fill.FillId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_sell_fills_at_the_best_bid_less_slippage_up_to_the_bid_size()
    {
        var answer = await Submit(RiskFixture.Sell(Market, 10m, 0.40m), Book(bid: 0.48m, bidSize: 30m, ask: 0.52m, askSize: 25m), slippageTicks: 2);

        var fill = Assert.Single(answer.Fills);
        Assert.Equal((10m, 0.46m, Side.Sell), (fill.Size, fill.Price, fill.Side));
    }

    [Fact]
    public async Task slippage_moves_a_buy_above_the_best_ask_but_never_past_its_limit()
    {
        var book = Book(bid: 0.48m, bidSize: 30m, ask: 0.52m, askSize: 25m);

        var within = Assert.Single((await Submit(RiskFixture.Buy(Market, 10m, 0.60m), book, slippageTicks: 3)).Fills);
        var capped = Assert.Single((await Submit(RiskFixture.Buy(Market, 10m, 0.53m), book, slippageTicks: 3)).Fills);
        var sellCapped = Assert.Single((await Submit(RiskFixture.Sell(Market, 10m, 0.47m), book, slippageTicks: 5)).Fills);

        Assert.Equal(0.55m, within.Price);
        Assert.Equal(0.53m, capped.Price);
        Assert.Equal(0.47m, sellCapped.Price);
    }

    [Fact]
    public async Task without_a_book_an_order_fills_in_full_at_the_last_price_with_slippage_capped_at_the_limit()
    {
        var last = Price(0.50m);

        var plain = Assert.Single((await Submit(RiskFixture.Buy(Market, 200m, 0.50m), last)).Fills);
        var slipped = Assert.Single((await Submit(RiskFixture.Buy(Market, 200m, 0.55m), last, slippageTicks: 2)).Fills);
        var capped = Assert.Single((await Submit(RiskFixture.Sell(Market, 200m, 0.49m), last, slippageTicks: 4)).Fills);

        Assert.Equal((200m, 0.50m), (plain.Size, plain.Price));
        Assert.Equal((200m, 0.52m), (slipped.Size, slipped.Price));
        Assert.Equal((200m, 0.49m), (capped.Size, capped.Price));
    }

    [Fact]
    public async Task an_unmarketable_order_or_an_empty_side_fills_nothing()
    {
        var book = Book(bid: 0.48m, bidSize: 30m, ask: 0.52m, askSize: 25m);

        var belowAsk = await Submit(RiskFixture.Buy(Market, 10m, 0.51m), book, slippageTicks: 3);
        var aboveBid = await Submit(RiskFixture.Sell(Market, 10m, 0.49m), book);
        var noAsks = await Submit(RiskFixture.Buy(Market, 10m, 0.60m), book with { AskSize = 0m });
        var belowLast = await Submit(RiskFixture.Buy(Market, 10m, 0.49m), Price(0.50m));

        Assert.All([belowAsk, aboveBid, noAsks, belowLast], a => Assert.True(a.Accepted && a.Fills.Count == 0));
    }

    [Fact]
    public async Task a_market_without_a_price_is_refused()
    {
        var venue = Venue(0);
        var answer = await venue.SubmitAsync(null!, RiskFixture.Buy(Market, 10m, 0.50m), new MarketState { Market = Market, Updates = 0 }, CancellationToken.None);

        Assert.Equal(ReasonCodes.ExecOrderRejectedByVenue, answer.ReasonCode);
    }

    [Fact]
    public async Task the_fill_happens_at_the_observation_time_unless_the_clock_is_later()
    {
        var ahead = Price(0.50m) with { Timestamp = RiskFixture.Now.AddHours(1) };

        var fill = Assert.Single((await Submit(RiskFixture.Buy(Market, 10m, 0.50m), ahead)).Fills);

        Assert.Equal(RiskFixture.Now.AddHours(1), fill.FilledAt);
    }

    private static PaperVenue Venue(int slippageTicks) =>
        new(new FixedClock(RiskFixture.Now), Options.Create(new PaperVenueOptions { SlippageTicks = slippageTicks }));

    /// <summary>The paper venue reads the intent and the market, never the signed order.</summary>
    private static Task<VenueAnswer> Submit(OrderIntent intent, PriceUpdate last, int slippageTicks = 0) =>
        Venue(slippageTicks).SubmitAsync(null!, intent, new MarketState { Market = Market, Last = last, Updates = last.Sequence }, CancellationToken.None);

    private static PriceUpdate Price(decimal price) => new()
    {
        MarketId = Market.MarketId,
        TokenId = Market.YesToken(),
        Price = price,
        Timestamp = RiskFixture.Now.AddSeconds(-1),
        Sequence = 1,
        Source = PriceUpdateSource.Replay,
    };

    private static PriceUpdate Book(decimal bid, decimal bidSize, decimal ask, decimal askSize) =>
        Price((bid + ask) / 2m) with { BestBid = bid, BidSize = bidSize, BestAsk = ask, AskSize = askSize };

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
