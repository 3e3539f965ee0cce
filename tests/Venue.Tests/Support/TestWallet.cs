using System.Globalization;
using System.Numerics;
using Polytraders.Contracts;
using Polytraders.Grains.Execution;
using Polytraders.Grains.Execution.Auth;
using Polytraders.Grains.Execution.Clob;
using Polytraders.Grains.Execution.Orders;
using Polytraders.Grains.Execution.Signing;
using Polytraders.Venue.Tests.Fake;

namespace Polytraders.Venue.Tests.Support;

/// <summary>A fresh EOA with an API key on the fake, and helpers that build signed orders and their contracts.</summary>
public sealed class TestWallet : IDisposable
{
    public TestWallet(FakeClob clob, long pusdBaseUnits = 1_000_000_000)
    {
        Signer = new EthereumSigner(SigningKey.Generate(), new ManagedSecp256k1());
        Fake = clob.AddAccount(Signer.Address, pusdBaseUnits);
        Account = new ClobAccount(Signer.Address, new ApiCredentials(Fake.ApiKey, Fake.Secret, Fake.Passphrase));
    }

    public EthereumSigner Signer { get; }

    public FakeAccount Fake { get; }

    public ClobAccount Account { get; }

    public SignedOrderV2 Limit(FakeMarket market, OrderSide side, decimal price, decimal size)
    {
        var rules = new MarketRules(TickSize.From(market.TickSize).Value, 0.01m, market.NegRisk);
        var built = new OrderBuilder(Signer, new OrderBuilderOptions(FakeClob.ChainId), TimeProvider.System)
            .BuildLimit(BigInteger.Parse(market.TokenId, CultureInfo.InvariantCulture), side, price, size, rules);
        return built.IsSuccess ? built.Value : throw new InvalidOperationException(built.Detail);
    }

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

    public void Dispose() => Signer.Dispose();
}
