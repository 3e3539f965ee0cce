using System.Globalization;
using System.Numerics;
using Polytraders.Polymarket.Accounts;
using Polytraders.Polymarket.Auth;
using Polytraders.Polymarket.Clob;
using Polytraders.Polymarket.Orders;
using Polytraders.Polymarket.Signing;
using Polytraders.Venue.Tests.Fake;

namespace Polytraders.Venue.Tests.Support;

/// <summary>
/// A fresh EOA with an API key on the fake, and a helper that builds signed orders. Partial: Grains.Tests, which
/// compiles this file in, adds the helpers that turn them into our contracts.
/// </summary>
public sealed partial class TestWallet : IDisposable
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

    /// <summary>A signed limit order; for <paramref name="account"/> when given, else from the wallet's own address.</summary>
    public SignedOrderV2 Limit(FakeMarket market, OrderSide side, decimal price, decimal size, TradingAccount? account = null)
    {
        var rules = new MarketRules(TickSize.From(market.TickSize).Value, 0.01m, market.NegRisk);
        var options = new OrderBuilderOptions(FakeClob.ChainId, account?.SignatureType ?? OrderSignatureType.Eoa, account?.Funder);
        var built = new OrderBuilder(Signer, options, TimeProvider.System)
            .BuildLimit(BigInteger.Parse(market.TokenId, CultureInfo.InvariantCulture), side, price, size, rules);
        return built.IsSuccess ? built.Value : throw new InvalidOperationException(built.Detail);
    }

    public void Dispose() => Signer.Dispose();
}
