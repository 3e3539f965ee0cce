using Polytraders.Polymarket.Accounts;
using Polytraders.Polymarket.Crypto;
using Polytraders.Polymarket.Orders;

namespace Polytraders.Venue.Tests.Accounts;

/// <summary>The maker and signer rules each account is checked against before anything is signed.</summary>
public sealed class AccountCheckTests
{
    private const long Polygon = CtfExchangeV2.PolygonChainId;
    private static readonly EthereumAddress Key = TestAccounts.HardhatAddress;
    private static readonly EthereumAddress Proxy = EthereumAddress.Parse("0x365f0ca36ae1f641e02fe3b7743673da42a13a70");
    private static readonly EthereumAddress Safe = EthereumAddress.Parse("0xd93b25cb943d14d0d34fbaf01fc93a0f8b5f6e47");
    private static readonly EthereumAddress Other = EthereumAddress.Parse("0x00000000000000000000000000000000000000aa");

    public static TheoryData<OrderSignatureType, string?, string?, AccountProblem> Cases => new()
    {
        { OrderSignatureType.Eoa, null, null, AccountProblem.None },
        { OrderSignatureType.Eoa, Key.ToString(), Key.ToString(), AccountProblem.None },
        { OrderSignatureType.Eoa, Other.ToString(), null, AccountProblem.FunderNotTheKeys },
        { OrderSignatureType.Eoa, null, Other.ToString(), AccountProblem.ApiKeyNotTheSigner },
        { OrderSignatureType.PolyProxy, Proxy.ToString(), Key.ToString(), AccountProblem.None },
        { OrderSignatureType.PolyProxy, null, null, AccountProblem.FunderMissing },
        { OrderSignatureType.PolyProxy, Safe.ToString(), null, AccountProblem.FunderNotTheKeys },
        { OrderSignatureType.PolyProxy, Proxy.ToString(), Proxy.ToString(), AccountProblem.ApiKeyNotTheSigner },
        { OrderSignatureType.PolyGnosisSafe, Safe.ToString(), null, AccountProblem.None },
        { OrderSignatureType.PolyGnosisSafe, Proxy.ToString(), null, AccountProblem.FunderNotTheKeys },
        { OrderSignatureType.PolyGnosisSafe, null, Key.ToString(), AccountProblem.FunderMissing },
        { OrderSignatureType.Poly1271, Other.ToString(), Other.ToString(), AccountProblem.None },
        { OrderSignatureType.Poly1271, Other.ToString(), Key.ToString(), AccountProblem.ApiKeyNotTheSigner },
        { OrderSignatureType.Poly1271, Key.ToString(), null, AccountProblem.FunderNotTheKeys },
        { OrderSignatureType.Poly1271, null, null, AccountProblem.FunderMissing },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void an_account_is_checked_against_the_key_and_the_api_keys_address(OrderSignatureType type, string? funder, string? apiKeyAddress, AccountProblem expected)
    {
        var verdict = AccountCheck.Check(new TradingAccount(type, Parse(funder)), Key, Parse(apiKeyAddress), Polygon);

        Assert.Equal(expected, verdict.Problem);
        Assert.Equal(expected == AccountProblem.None, string.IsNullOrEmpty(verdict.Detail));
    }

    [Fact]
    public void a_proxy_funder_is_only_checked_for_presence_where_polymarket_has_no_proxy_factory() =>
        Assert.True(AccountCheck.Check(new TradingAccount(OrderSignatureType.PolyProxy, Other), Key, null, CtfExchangeV2.AmoyChainId).IsValid);

    [Fact]
    public void a_deposit_wallet_signs_as_itself_and_the_other_types_as_the_key()
    {
        Assert.Equal(Other, new TradingAccount(OrderSignatureType.Poly1271, Other).OrderSigner(Key));
        Assert.Equal(Key, new TradingAccount(OrderSignatureType.PolyGnosisSafe, Safe).OrderSigner(Key));
        Assert.Equal(Key, TradingAccount.OwnKey.OrderSigner(Key));
    }

    private static EthereumAddress? Parse(string? address) => address is null ? null : EthereumAddress.Parse(address);
}
