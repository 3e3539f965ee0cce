using Polytraders.Contracts;
using Polytraders.Grains.Execution;
using Polytraders.Polymarket.Orders;
using Polytraders.Venue.Tests.Fake;

namespace Polytraders.Venue.Tests.Support;

/// <summary>The part of <see cref="TestWallet"/> that speaks our contracts: intents, their signed Order, market states.</summary>
public sealed partial class TestWallet
{
    public static OrderIntent Intent(FakeMarket market, Side side, decimal price, decimal size, TimeInForce tif = TimeInForce.Gtc) => new()
    {
        PortfolioId = "PORT-001",
        StrategyId = "STRAT-001",
        LaunchId = "LCH-001",
        MarketId = market.ConditionId,
        TokenId = market.TokenId,
        Side = side,
        Size = size,
        LimitPrice = price,
        TimeInForce = tif,
        ClientOrderId = $"coid-{Guid.NewGuid():N}"[..24],
        CreatedAt = DateTimeOffset.UtcNow,
        ReasonCode = ReasonCodes.StratMomentumLong,
        Signal = new Signal
        {
            StrategyScore = 0.5m,
            ScoreType = ScoreType.Momentum,
            MarketId = market.ConditionId,
            TokenId = market.TokenId,
            AsOf = DateTimeOffset.UtcNow,
            Inputs = [],
            ReasonCodes = [],
        },
    };

    /// <summary>The audited contract the execution grain would hand the venue for <paramref name="intent"/>.</summary>
    public (Order Order, OrderIntent Intent) Contract(FakeMarket market, OrderIntent intent, long? expiration = null)
    {
        var signed = Limit(market, intent.Side == Side.Buy ? OrderSide.Buy : OrderSide.Sell, intent.LimitPrice, intent.Size);
        var order = OrderContracts.ToContract(signed, intent, market.NegRisk, FakeClob.ChainId, "test key");
        return (expiration is null ? order : order with { Expiration = expiration }, intent);
    }

    public static MarketState StateOf(FakeMarket market) => new()
    {
        Market = new Market
        {
            MarketId = market.ConditionId,
            Question = "Will the fake CLOB hold?",
            Outcomes = [new Outcome { Name = "Yes", TokenId = market.TokenId }],
            TickSize = market.TickSize,
            MinOrderSize = market.MinOrderSize,
            NegRisk = market.NegRisk,
            EndDate = DateTimeOffset.UtcNow.AddDays(30),
            Status = MarketStatus.Open,
            ClusterIds = [],
        },
        Updates = 0,
    };
}
