using Polytraders.Contracts;
using Polytraders.Core.Tests.Momentum;
using Polytraders.Trading.Risk;

namespace Polytraders.Core.Tests.Risk;

/// <summary>
/// A risk engine with round limits: 50 per order, 100 per market, 200 gross, 20 daily loss, 10 orders a minute,
/// prices at most 60 s old and within 0.05 of the last trade; markets of <see cref="TestMarkets"/>.
/// </summary>
internal static class RiskFixture
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    private static int _ids;

    public static RiskLimits Limits => new()
    {
        MaxOrderNotional = 50m,
        MaxPositionPerMarket = 100m,
        MaxGrossExposure = 200m,
        DailyLossLimit = 20m,
        MaxOrdersPerMinute = 10,
        MaxPriceAgeSeconds = 60,
        PriceBand = 0.05m,
    };

    public static RiskEngine Engine(RiskLimits? limits = null, decimal balance = 1000m, params ClusterCap[] caps) =>
        new(limits ?? Limits, caps, RiskBook.Opening(balance));

    public static OrderIntent Intent(Market market, Side side, decimal size, decimal price, DateTimeOffset? at = null, string? tokenId = null) => new()
    {
        PortfolioId = "PORT-001",
        StrategyId = "momentum-test-1",
        LaunchId = "LCH-test-0001",
        MarketId = market.MarketId,
        TokenId = tokenId ?? market.YesToken(),
        Side = side,
        Size = size,
        LimitPrice = price,
        TimeInForce = TimeInForce.Fak,
        ClientOrderId = $"order-{Interlocked.Increment(ref _ids):D6}",
        CreatedAt = at ?? Now,
        Signal = new Signal
        {
            StrategyScore = side == Side.Buy ? 1m : -1m,
            ScoreType = ScoreType.Momentum,
            MarketId = market.MarketId,
            TokenId = tokenId ?? market.YesToken(),
            AsOf = at ?? Now,
            Inputs = [],
            ReasonCodes = [],
        },
    };

    public static OrderIntent Buy(Market market, decimal size, decimal price) => Intent(market, Side.Buy, size, price);

    public static OrderIntent Sell(Market market, decimal size, decimal price) => Intent(market, Side.Sell, size, price);

    /// <summary>A trade five seconds before <see cref="Now"/>.</summary>
    public static LastTrade Trade(decimal price) => new(price, Now.AddSeconds(-5));

    public static Fill FillOf(OrderIntent order, decimal? size = null, decimal? price = null, DateTimeOffset? at = null, decimal fee = 0m) => new()
    {
        FillId = "fill-" + order.ClientOrderId,
        ClientOrderId = order.ClientOrderId,
        PortfolioId = order.PortfolioId,
        MarketId = order.MarketId,
        TokenId = order.TokenId,
        Side = order.Side,
        Size = size ?? order.Size,
        Price = price ?? order.LimitPrice,
        Fee = fee,
        FilledAt = at ?? Now,
        Venue = FillVenue.Paper,
        Status = FillStatus.Matched,
    };

    /// <summary>Evaluates against a fresh last trade at the intent's price and fills what passes, at its limit; the order is then done.</summary>
    public static RiskDecision Trade(this RiskEngine engine, Market market, OrderIntent intent)
    {
        var decision = engine.Evaluate(intent, market, Trade(intent.LimitPrice), Now);
        if (decision.Final is { } final)
        {
            engine.ApplyFill(FillOf(final), market, Now);
            engine.ReleaseOrder(final.ClientOrderId);
        }

        return decision;
    }
}
