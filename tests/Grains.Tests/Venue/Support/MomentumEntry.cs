using Polytraders.Contracts;
using Polytraders.Grains;
using Polytraders.Polymarket.Clob;
using Polytraders.Venue.Tests.Fake;

namespace Polytraders.Venue.Tests.Support;

/// <summary>
/// A momentum Strategy on a <see cref="ClobSilo"/>'s one market, launched on its Portfolio, and the rising prices that
/// make it enter: a FAK BUY at the last price, which crosses the fake's asks.
/// </summary>
public static class MomentumEntry
{
    /// <summary>Asks from 0.40 up, deep enough for any entry the rising prices can make: every entry limit crosses.</summary>
    public static FakeMarket DeepAsks(FakeClob clob) => clob.AddMarket(new FakeMarket
    {
        ConditionId = TestMarkets.ConditionId,
        TokenId = TestMarkets.YesToken,
        Bids = [new BookLevel { Price = 0.38m, Size = 500m }],
        Asks = [new BookLevel { Price = 0.40m, Size = 500m }, new BookLevel { Price = 0.45m, Size = 500m }],
    });

    public static StrategyLaunch Launch(ClobSilo silo) => new()
    {
        StrategyId = $"momentum-e2e-{Guid.NewGuid():N}"[..24],
        Family = StrategyLaunchFamily.Momentum,
        Version = "1.0.0",
        Parameters = new MomentumParameters
        {
            FastLookback = 2,
            SlowLookback = 3,
            EntryThreshold = 0.1m,
            ExitThreshold = -0.9m,
            TakeProfit = 0.5m,
            MaxHoldingMinutes = 1440,
            OrderSize = 10m,
        },
        MarketScope = new MarketScope { Mode = ScopeMode.Manual, MarketIds = [silo.Market.ConditionId] },
        PortfolioId = silo.Portfolio.PortfolioId,
        Mode = LaunchMode.Paper,
    };

    /// <summary>
    /// Rising prices a tick and a second apart, fresh for max_price_age, published until the Strategy enters and no
    /// further: risk checks the entry's limit against the last price, within price_band (0.1, ten ticks).
    /// </summary>
    public static async Task PublishUntilEnteredAsync(ClobSilo silo)
    {
        var start = DateTimeOffset.UtcNow.AddSeconds(-30);
        for (var i = 0; i < 20 && !await EnteredAsync(silo); i++)
        {
            await silo.Grains.GetGrain<IMarketGrain>(silo.Market.ConditionId).Publish(new PriceUpdate
            {
                MarketId = silo.Market.ConditionId,
                TokenId = silo.Market.TokenId,
                Price = 0.40m + (i * 0.01m),
                Timestamp = start.AddSeconds(i),
                Sequence = i + 1,
                Source = PriceUpdateSource.Replay,
            });
        }
    }

    /// <summary>The Portfolio's audit trail once it holds an envelope with <paramref name="reasonCode"/>.</summary>
    public static async Task<List<AuditEnvelope>> TrailWithAsync(ClobSilo silo, string reasonCode)
    {
        List<AuditEnvelope> seen = [];
        return await Eventually.FoundAsync(async () =>
        {
            seen = (await silo.Grains.GetGrain<IAuditQueryGrain>(0).Query(new AuditQuery { PortfolioId = silo.Portfolio.PortfolioId })).Items;
            return seen.Any(e => e.ReasonCode == reasonCode) ? seen : null;
        }, () => string.Join(", ", seen.Select(e => $"{e.ReasonCode} {e.Payload.Detail}")));
    }

    /// <summary>Gives the price just published a moment to reach the Strategy; true once it has entered.</summary>
    private static async Task<bool> EnteredAsync(ClobSilo silo)
    {
        var query = new AuditQuery { PortfolioId = silo.Portfolio.PortfolioId };
        var deadline = DateTime.UtcNow.AddMilliseconds(200);
        do
        {
            if ((await silo.Grains.GetGrain<IAuditQueryGrain>(0).Query(query)).Items.Any(e => e.ReasonCode == ReasonCodes.StratMomentumLong))
            {
                return true;
            }

            await Task.Delay(20);
        }
        while (DateTime.UtcNow < deadline);
        return false;
    }
}
