using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polytraders.Contracts;
using Polytraders.Grains.Execution.Polymarket;
using Polytraders.Polymarket.Clob;
using Polytraders.Trading.Venues;
using Polytraders.Venue.Tests.Support;

namespace Polytraders.Grains.Tests.Venue;

/// <summary>How a silo wires the CLOB: configuration only, the venue replacing the paper venue, the feeds forwarded.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public async Task a_configured_silo_resolves_the_clob_venue_and_posts_through_it()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);
        using var wallet = new TestWallet(rig.Clob);
        var configuration = rig.Configuration(wallet, new Dictionary<string, string?> { ["Clob:MarketAssetIds:0"] = market.TokenId });
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IVenue, PaperVenue>();
        services.AddPolymarketClob(configuration, pumpMarketFeed: false);
        await using var provider = services.BuildServiceProvider();

        var venue = provider.GetRequiredService<IVenue>();
        var (order, intent) = wallet.Contract(market, TestWallet.Intent(market, Side.Buy, 0.45m, 10m));
        var answer = await venue.SubmitAsync(order, intent, TestWallet.StateOf(market), CancellationToken.None);

        Assert.IsType<ClobVenue>(venue);
        Assert.Equal("polymarket", venue.Name);
        Assert.True(answer.Accepted, answer.Detail);
        Assert.Equal([market.TokenId], provider.GetRequiredService<IOptions<ClobVenueOptions>>().Value.MarketAssetIds);
        Assert.Same(provider.GetRequiredService<MarketWebSocketClient>(), provider.GetRequiredService<MarketWebSocketClient>());
    }

    [Fact]
    public void invalid_venue_options_are_refused()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Clob:UserBackFillRetryInterval"] = "00:00:00",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddPolymarketClob(configuration, pumpMarketFeed: false, pumpUserFeed: false);
        using var provider = services.BuildServiceProvider();

        var refused = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ClobVenueOptions>>().Value);

        Assert.Contains(refused.Failures, f => f.Contains("Clob:UserBackFillRetryInterval must be positive.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task the_market_feed_forwards_price_updates_and_resolutions_from_the_socket()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);
        var feed = rig.MarketFeed();
        var updates = new List<PriceUpdate>();
        var resolutions = new List<MarketResolved>();
        using var stop = new CancellationTokenSource();
        var run = feed.RunAsync([market.TokenId], stop.Token);
        var forward = MarketFeedForwarder.ForwardAsync(
            feed.Events,
            new PriceUpdateProjector(firstSequence: 100),
            u => { lock (updates) { updates.Add(u); } return Task.CompletedTask; },
            r => { lock (resolutions) { resolutions.Add(r); } return Task.CompletedTask; },
            null,
            stop.Token);
        await Eventually.TrueAsync(() => { lock (updates) { return updates.Count == 1; } }, "the initial book priced");

        await rig.Clob.Sockets.PushMarketAsync($$"""{"event_type":"last_trade_price","asset_id":"{{market.TokenId}}","market":"{{market.ConditionId}}","price":"0.51","side":"BUY","size":"5","timestamp":"1750428146322"}""");
        await rig.Clob.Sockets.PushMarketAsync($$"""{"event_type":"market_resolved","id":"1","market":"{{market.ConditionId}}","assets_ids":["{{market.TokenId}}"],"winning_asset_id":"{{market.TokenId}}","winning_outcome":"Yes","timestamp":"1766790415550"}""");
        await Eventually.TrueAsync(() => { lock (resolutions) { return resolutions.Count == 1; } }, "resolution forwarded");
        await stop.CancelAsync();
        await run;
        try
        {
            await forward;
        }
        catch (OperationCanceledException)
        {
            // Stopped by the token rather than by the feed completing: either ends the forwarding.
        }

        Assert.Equal([(0.505m, 100L), (0.51m, 101L)], updates.Select(u => (u.Price, u.Sequence)));
        Assert.All(updates, u => Assert.Equal((market.ConditionId, market.TokenId, PriceUpdateSource.Venue, 0.49m, 0.52m), (u.MarketId, u.TokenId, u.Source, u.BestBid, u.BestAsk)));
        Assert.Equal("Yes", Assert.Single(resolutions).WinningOutcome);
    }
}
