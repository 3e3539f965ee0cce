using Polytraders.Polymarket.Accounts;
using Polytraders.Polymarket.Crypto;
using Polytraders.Polymarket.Orders;

namespace Polytraders.Venue.Tests.Accounts;

/// <summary>
/// The wallets Polymarket's factories derive, pinned to the vectors of Polymarket's rs-clob-client (src/lib.rs tests),
/// written in lower case: their mixed case there is not the EIP-55 checksum, which our parser enforces.
/// </summary>
public sealed class PolymarketWalletsTests
{
    [Fact]
    public void the_proxy_wallet_of_the_hardhat_account_on_polygon_is_rs_clob_clients_vector() =>
        Assert.Equal(EthereumAddress.Parse("0x365f0ca36ae1f641e02fe3b7743673da42a13a70"), PolymarketWallets.ProxyWallet(TestAccounts.HardhatAddress, CtfExchangeV2.PolygonChainId));

    [Theory]
    [InlineData(CtfExchangeV2.PolygonChainId)]
    [InlineData(CtfExchangeV2.AmoyChainId)]
    public void the_safe_of_the_hardhat_account_is_rs_clob_clients_vector_on_both_chains(long chainId) =>
        Assert.Equal(EthereumAddress.Parse("0xd93b25cb943d14d0d34fbaf01fc93a0f8b5f6e47"), PolymarketWallets.Safe(TestAccounts.HardhatAddress, chainId));

    [Fact]
    public void amoy_has_no_proxy_factory_and_other_chains_no_wallets()
    {
        Assert.Null(PolymarketWallets.ProxyWallet(TestAccounts.HardhatAddress, CtfExchangeV2.AmoyChainId));
        Assert.Null(PolymarketWallets.ProxyWallet(TestAccounts.HardhatAddress, 1));
        Assert.Null(PolymarketWallets.Safe(TestAccounts.HardhatAddress, 1));
    }
}
