using Polytraders.Contracts;
using Polytraders.Core.Tests.Momentum;
using Polytraders.Trading.Risk;
using static Polytraders.Core.Tests.Risk.RiskFixture;

namespace Polytraders.Core.Tests.Risk;

public class RiskEngineTests
{
    private static readonly Market Btc = TestMarkets.Btc;

    [Fact]
    public void an_order_within_every_limit_is_approved_unchanged()
    {
        var intent = Buy(Btc, 20m, 0.50m);

        var decision = Engine().Evaluate(intent, Btc, Trade(0.50m), Now);

        Assert.Equal((RiskOutcome.Approved, ReasonCodes.RiskApproved), (decision.Outcome, decision.ReasonCode));
        Assert.Same(intent, decision.Final);
        Assert.Same(intent, decision.Original);
    }

    [Fact]
    public void a_fill_delivered_again_is_known_while_its_order_is_held_and_forgotten_once_the_order_is_done()
    {
        var engine = Engine();
        var intent = Buy(Btc, 10m, 0.5m);
        var fill = FillOf(engine.Evaluate(intent, Btc, Trade(0.5m), Now).Final!);

        Assert.False(engine.HasBooked(fill));
        engine.ApplyFill(fill, Btc, Now);

        Assert.True(engine.HasBooked(fill));
        Assert.Equal(0m, engine.Book.OpenOrders[intent.ClientOrderId].RemainingSize);
        Assert.Equal(10m, engine.Book.Positions[fill.TokenId].Size);
        engine.ReleaseOrder(intent.ClientOrderId);
        Assert.False(engine.HasBooked(fill));
        Assert.Empty(engine.Book.OpenOrders);
    }

    [Fact]
    public void kill_switch_rejects_every_order_until_switched_off()
    {
        var engine = Engine();
        Assert.Equal(ReasonCodes.GovKillSwitchOn, engine.SetKillSwitch(true, "test")!.ReasonCode);
        Assert.Null(engine.SetKillSwitch(true, "again"));

        Assert.Equal(ReasonCodes.RiskKillSwitch, engine.Evaluate(Buy(Btc, 10m, 0.5m), Btc, Trade(0.5m), Now).ReasonCode);

        Assert.Equal(ReasonCodes.GovKillSwitchOff, engine.SetKillSwitch(false, "test")!.ReasonCode);
        Assert.Equal(RiskOutcome.Approved, engine.Evaluate(Buy(Btc, 10m, 0.5m), Btc, Trade(0.5m), Now).Outcome);
    }

    [Fact]
    public void halted_state_rejects_even_a_sell()
    {
        var engine = Engine();
        engine.Trade(Btc, Buy(Btc, 20m, 0.5m));
        var transition = engine.SetTradingState(TradingState.Halted, "operator")!;

        Assert.Equal((ReasonCodes.GovTradingStateChanged, TradingState.Active, TradingState.Halted), (transition.ReasonCode, transition.From, transition.To));
        Assert.Equal(ReasonCodes.RiskStateHalted, engine.Evaluate(Sell(Btc, 20m, 0.5m), Btc, Trade(0.5m), Now).ReasonCode);
    }

    [Fact]
    public void reducing_state_rejects_a_buy_that_adds_exposure()
    {
        var engine = Engine();
        engine.SetTradingState(TradingState.Reducing, "operator");

        Assert.Equal(ReasonCodes.RiskStateReducing, engine.Evaluate(Buy(Btc, 10m, 0.5m), Btc, Trade(0.5m), Now).ReasonCode);
    }

    [Fact]
    public void reducing_state_passes_a_sell_of_what_is_held()
    {
        var engine = Engine();
        engine.Trade(Btc, Buy(Btc, 20m, 0.5m));
        engine.SetTradingState(TradingState.Reducing, "operator");

        Assert.Equal(RiskOutcome.Approved, engine.Evaluate(Sell(Btc, 20m, 0.5m), Btc, Trade(0.5m), Now).Outcome);
    }

    [Fact]
    public void a_token_that_is_not_an_outcome_of_the_market_is_unknown()
    {
        var intent = Intent(Btc, Side.Buy, 10m, 0.5m, tokenId: TestMarkets.Eth.YesToken());
        Assert.Equal(ReasonCodes.RiskUnknownMarket, Engine().Evaluate(intent, Btc, Trade(0.5m), Now).ReasonCode);
    }

    [Theory]
    [InlineData("0.505")]
    [InlineData("0.995")]
    public void a_limit_off_the_tick_grid_is_rejected(string price)
    {
        Assert.Equal(ReasonCodes.RiskTickSize, Engine().Evaluate(Buy(Btc, 10m, decimal.Parse(price)), Btc, Trade(0.5m), Now).ReasonCode);
    }

    [Fact]
    public void a_size_below_the_market_minimum_is_rejected()
    {
        Assert.Equal(ReasonCodes.RiskMinOrderSize, Engine().Evaluate(Buy(Btc, 4.99m, 0.5m), Btc, Trade(0.5m), Now).ReasonCode);
    }

    [Fact]
    public void a_last_trade_older_than_the_max_age_or_missing_is_stale()
    {
        var engine = Engine();
        Assert.Equal(ReasonCodes.RiskStalePrice, engine.Evaluate(Buy(Btc, 10m, 0.5m), Btc, new LastTrade(0.5m, Now.AddSeconds(-61)), Now).ReasonCode);
        Assert.Equal(ReasonCodes.RiskStalePrice, engine.Evaluate(Buy(Btc, 10m, 0.5m), Btc, null, Now).ReasonCode);
        Assert.Equal(RiskOutcome.Approved, engine.Evaluate(Buy(Btc, 10m, 0.5m), Btc, new LastTrade(0.5m, Now.AddSeconds(-60)), Now).Outcome);
    }

    [Fact]
    public void a_limit_further_than_the_band_from_the_last_trade_is_rejected()
    {
        var engine = Engine();
        Assert.Equal(ReasonCodes.RiskPriceBand, engine.Evaluate(Buy(Btc, 10m, 0.56m), Btc, Trade(0.5m), Now).ReasonCode);
        Assert.Equal(RiskOutcome.Approved, engine.Evaluate(Buy(Btc, 10m, 0.55m), Btc, Trade(0.5m), Now).Outcome);
    }

    [Fact]
    public void orders_beyond_the_rate_limit_wait_for_the_bucket_to_refill()
    {
        var engine = Engine();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(RiskOutcome.Approved, engine.Evaluate(Buy(Btc, 5m, 0.5m), Btc, Trade(0.5m), Now).Outcome);
        }

        Assert.Equal(ReasonCodes.RiskOrderRateLimit, engine.Evaluate(Buy(Btc, 5m, 0.5m), Btc, Trade(0.5m), Now).ReasonCode);

        // 10 a minute: one token every 6 seconds
        Assert.Equal(ReasonCodes.RiskOrderRateLimit, engine.Evaluate(Buy(Btc, 5m, 0.5m), Btc, Trade(0.5m), Now.AddSeconds(5)).ReasonCode);
        Assert.Equal(RiskOutcome.Approved, engine.Evaluate(Buy(Btc, 5m, 0.5m), Btc, Trade(0.5m), Now.AddSeconds(6)).Outcome);
    }

    [Fact]
    public void an_order_above_the_per_order_notional_is_reshaped_to_fit()
    {
        var intent = Buy(Btc, 120m, 0.50m); // 60 pUSD against a cap of 50

        var decision = Engine().Evaluate(intent, Btc, Trade(0.5m), Now);

        Assert.Equal((RiskOutcome.Reshaped, ReasonCodes.StratReshapedByRisk, ReasonCodes.RiskMaxOrderNotional), (decision.Outcome, decision.ReasonCode, decision.BindingLimit));
        Assert.Equal(100m, decision.Final!.Size);
        Assert.Equal(120m, decision.Original.Size);
        Assert.Equal((intent.ClientOrderId, intent.LimitPrice), (decision.Final.ClientOrderId, decision.Final.LimitPrice));
    }

    [Fact]
    public void a_reshaped_size_is_rounded_down_to_the_size_grid()
    {
        var decision = Engine().Evaluate(Buy(Btc, 90m, 0.60m), Btc, Trade(0.6m), Now);

        Assert.Equal(83.33m, decision.Final!.Size); // 50 / 0.60 = 83.333...
    }

    [Fact]
    public void the_market_position_cap_counts_what_is_held_there()
    {
        var engine = Engine();
        engine.Trade(Btc, Buy(Btc, 100m, 0.50m));
        engine.Trade(Btc, Buy(Btc, 60m, 0.50m)); // 80 pUSD held

        var decision = engine.Evaluate(Buy(Btc, 60m, 0.50m), Btc, Trade(0.5m), Now);

        Assert.Equal((ReasonCodes.RiskMaxPositionPerMarket, 40m), (decision.BindingLimit, decision.Final!.Size));
    }

    [Fact]
    public void the_gross_exposure_cap_counts_every_market()
    {
        var engine = Engine();
        engine.Trade(TestMarkets.Btc, Buy(TestMarkets.Btc, 100m, 0.50m));
        engine.Trade(TestMarkets.Btc, Buy(TestMarkets.Btc, 100m, 0.50m));
        engine.Trade(TestMarkets.Eth, Buy(TestMarkets.Eth, 100m, 0.50m));
        engine.Trade(TestMarkets.Eth, Buy(TestMarkets.Eth, 60m, 0.50m)); // 180 pUSD gross

        var decision = engine.Evaluate(Buy(TestMarkets.Election, 60m, 0.50m), TestMarkets.Election, Trade(0.5m), Now);

        Assert.Equal((ReasonCodes.RiskMaxGrossExposure, 40m), (decision.BindingLimit, decision.Final!.Size));
    }

    [Fact]
    public void a_cluster_cap_binds_only_markets_of_that_cluster()
    {
        var engine = Engine(caps: new ClusterCap { ClusterId = "crypto", MaxExposure = 60m });
        engine.Trade(TestMarkets.Btc, Buy(TestMarkets.Btc, 80m, 0.50m)); // 40 pUSD in crypto

        var eth = engine.Evaluate(Buy(TestMarkets.Eth, 60m, 0.50m), TestMarkets.Eth, Trade(0.5m), Now);
        var election = engine.Evaluate(Buy(TestMarkets.Election, 60m, 0.50m), TestMarkets.Election, Trade(0.5m), Now);

        Assert.Equal((ReasonCodes.RiskClusterCap, 40m), (eth.BindingLimit, eth.Final!.Size));
        Assert.Equal(RiskOutcome.Approved, election.Outcome);
    }

    [Fact]
    public void a_buy_is_held_to_the_cash_not_already_promised()
    {
        var decision = Engine(balance: 10m).Evaluate(Buy(Btc, 40m, 0.50m), Btc, Trade(0.5m), Now);

        Assert.Equal((ReasonCodes.RiskInsufficientBalance, 20m), (decision.BindingLimit, decision.Final!.Size));
    }

    [Fact]
    public void an_order_that_only_fits_below_the_minimum_size_is_rejected_with_the_binding_limit()
    {
        var decision = Engine(balance: 2m).Evaluate(Buy(Btc, 40m, 0.50m), Btc, Trade(0.5m), Now);

        Assert.Equal((RiskOutcome.Rejected, ReasonCodes.RiskInsufficientBalance), (decision.Outcome, decision.ReasonCode));
        Assert.Null(decision.Final);
    }

    [Fact]
    public void buys_in_flight_reserve_their_exposure_until_filled_or_released()
    {
        var engine = Engine();
        var first = Buy(Btc, 100m, 0.50m);
        engine.Evaluate(first, Btc, Trade(0.5m), Now);
        engine.Evaluate(Buy(Btc, 100m, 0.50m), Btc, Trade(0.5m), Now); // 100 pUSD reserved in the market

        Assert.Equal(ReasonCodes.RiskMaxPositionPerMarket, engine.Evaluate(Buy(Btc, 10m, 0.50m), Btc, Trade(0.5m), Now).ReasonCode);

        engine.ReleaseOrder(first.ClientOrderId);
        Assert.Equal(RiskOutcome.Approved, engine.Evaluate(Buy(Btc, 10m, 0.50m), Btc, Trade(0.5m), Now).Outcome);
    }

    [Fact]
    public void a_sell_without_tokens_is_rejected_and_one_above_the_holding_is_cut_to_it()
    {
        var engine = Engine();
        Assert.Equal(ReasonCodes.RiskNoPositionToSell, engine.Evaluate(Sell(Btc, 10m, 0.5m), Btc, Trade(0.5m), Now).ReasonCode);

        engine.Trade(Btc, Buy(Btc, 30m, 0.5m));
        var decision = engine.Evaluate(Sell(Btc, 50m, 0.5m), Btc, Trade(0.5m), Now);
        Assert.Equal((RiskOutcome.Reshaped, ReasonCodes.RiskNoPositionToSell, 30m), (decision.Outcome, decision.BindingLimit, decision.Final!.Size));

        // the 30 tokens are promised to the sell in flight
        Assert.Equal(ReasonCodes.RiskNoPositionToSell, engine.Evaluate(Sell(Btc, 10m, 0.5m), Btc, Trade(0.5m), Now).ReasonCode);
    }

    [Fact]
    public void fills_book_position_cash_exposure_and_realised_pnl()
    {
        var engine = Engine(balance: 100m);
        engine.Trade(Btc, Buy(Btc, 40m, 0.50m));
        engine.ApplyFill(FillOf(Buy(Btc, 20m, 0.80m), fee: 0.1m), Btc, Now); // avg cost (20 + 16) / 60 = 0.6

        Assert.Equal((60m, 36m), (engine.Book.Positions[Btc.YesToken()].Size, engine.Book.Positions[Btc.YesToken()].CostBasis));
        Assert.Equal(63.9m, engine.Book.Balance);

        var sell = Sell(Btc, 30m, 0.70m);
        engine.Evaluate(sell, Btc, Trade(0.70m), Now);
        engine.ApplyFill(FillOf(sell, fee: 0.2m), Btc, Now); // 21 for tokens that cost 18

        Assert.Equal((30m, 18m), (engine.Book.Positions[Btc.YesToken()].Size, engine.Book.Positions[Btc.YesToken()].CostBasis));
        Assert.Equal(84.7m, engine.Book.Balance);
        Assert.Equal(2.7m, engine.Book.RealisedPnlToday); // -0.1 + 3 - 0.2
        Assert.Equal(18m, engine.Book.GrossExposure());
        Assert.Equal(18m, engine.Book.ClusterExposure("crypto"));
        Assert.All(engine.Book.OpenOrders.Values, filled => Assert.Equal(0m, filled.RemainingSize));
    }

    [Fact]
    public void a_realised_loss_reaching_the_daily_limit_switches_to_reducing()
    {
        var engine = Engine();
        engine.Trade(Btc, Buy(Btc, 100m, 0.50m));
        var sell = Sell(Btc, 100m, 0.30m);
        engine.Evaluate(sell, Btc, Trade(0.30m), Now);

        var transition = engine.ApplyFill(FillOf(sell), Btc, Now); // loses 20

        Assert.Equal((ReasonCodes.GovTradingStateChanged, TradingState.Active, TradingState.Reducing), (transition!.ReasonCode, transition.From, transition.To));
        Assert.Equal(ReasonCodes.RiskDailyLossLimit, engine.Evaluate(Buy(Btc, 10m, 0.3m), Btc, Trade(0.3m), Now).ReasonCode);
    }

    [Fact]
    public void the_daily_loss_restarts_at_the_utc_day_boundary_but_the_state_stays()
    {
        var engine = Engine();
        engine.Trade(Btc, Buy(Btc, 100m, 0.50m));
        var sell = Sell(Btc, 100m, 0.30m);
        engine.Evaluate(sell, Btc, Trade(0.30m), Now);
        engine.ApplyFill(FillOf(sell), Btc, Now);

        var tomorrow = new DateTimeOffset(2026, 3, 3, 0, 0, 1, TimeSpan.Zero);
        var decision = engine.Evaluate(Buy(Btc, 10m, 0.3m), Btc, new LastTrade(0.3m, tomorrow), tomorrow);

        Assert.Equal(0m, engine.Book.RealisedPnlToday);
        Assert.Equal(ReasonCodes.RiskStateReducing, decision.ReasonCode);
    }

    [Fact]
    public void an_engine_over_a_persisted_book_carries_on_where_it_stopped()
    {
        var engine = Engine();
        engine.Trade(Btc, Buy(Btc, 100m, 0.50m));
        engine.Trade(Btc, Buy(Btc, 80m, 0.50m)); // 90 pUSD held

        var resumed = new RiskEngine(Limits, [], engine.Book);
        var decision = resumed.Evaluate(Buy(Btc, 40m, 0.50m), Btc, Trade(0.5m), Now);

        Assert.Equal((ReasonCodes.RiskMaxPositionPerMarket, 20m), (decision.BindingLimit, decision.Final!.Size));
    }
}
