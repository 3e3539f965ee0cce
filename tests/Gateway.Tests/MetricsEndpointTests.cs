using System.Net;
using Polytraders.Contracts;
using Polytraders.Grains;

namespace Polytraders.Gateway.Tests;

/// <summary>The Prometheus endpoint while the embedded silo trades: the trading figures, behind an API key.</summary>
[Collection(WithEmbeddedSilo.Name)]
public sealed class MetricsEndpointTests(GatewayWithEmbeddedSilo host)
{
    [Fact]
    public async Task metrics_need_a_key_and_show_the_trading_figures_once_a_strategy_trades()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().GetAsync("/metrics")).StatusCode);
        var portfolioId = await host.NewPortfolioAsync();
        var launched = await host.AsOperator().PostAsync($"/api/v1/portfolios/{portfolioId}/strategies", Http.Json(Http.Launch("momentum-metrics-1", portfolioId)));
        Assert.Equal(HttpStatusCode.Created, launched.StatusCode);

        var text = await ScrapeUntilAsync(t => t.Contains("polytraders_audit_envelopes_total", StringComparison.Ordinal)
                                               && t.Contains("reason_code=\"STRAT_LAUNCHED\"", StringComparison.Ordinal)
                                               && t.Contains($"chain=\"{portfolioId}\"", StringComparison.Ordinal));

        Assert.Contains("polytraders_audit_append_duration_milliseconds_count", text, StringComparison.Ordinal);
        Assert.Contains("polytraders_outbox_pending", text, StringComparison.Ordinal);
        Assert.Contains("polytraders_orders_in_flight", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task published_prices_count_as_ticks_published_and_delivered()
    {
        var portfolioId = await host.NewPortfolioAsync();
        await host.AsOperator().PostAsync($"/api/v1/portfolios/{portfolioId}/strategies", Http.Json(Http.Launch("momentum-metrics-2", portfolioId)));
        var market = (await host.Grains.GetGrain<IMarketGrain>(Http.MarketId(0)).GetState())!.Market;
        var now = DateTimeOffset.UtcNow;
        await host.Grains.GetGrain<IMarketGrain>(market.MarketId).Publish(new PriceUpdate
        {
            MarketId = market.MarketId,
            TokenId = market.Outcomes[0].TokenId,
            Price = 0.40m,
            Timestamp = now,
            Sequence = now.Ticks,
            Source = PriceUpdateSource.Replay,
        });

        var text = await ScrapeUntilAsync(t => Total(t, "polytraders_ticks_published_total") > 0 && Total(t, "polytraders_ticks_delivered_total") > 0);

        Assert.True(Total(text, "polytraders_ticks_published_total") > 0);
    }

    private async Task<string> ScrapeUntilAsync(Func<string, bool> holds)
    {
        var reviewer = host.AsReviewer();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await reviewer.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            if (holds(text))
            {
                return text;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the figures never showed:\n{text}");
            await Task.Delay(200);
        }
    }

    private static double Total(string text, string series) =>
        text.Split('\n')
            .Where(line => line.StartsWith(series, StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
}
