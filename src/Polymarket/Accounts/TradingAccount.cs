using Polytraders.Polymarket.Crypto;
using Polytraders.Polymarket.Orders;

namespace Polytraders.Polymarket.Accounts;

/// <summary>
/// Who an order is signed for: how the exchange checks its signature and which address holds the funds (the maker).
/// <see cref="Funder"/> null means the signing key's own address.
/// </summary>
public sealed record TradingAccount(OrderSignatureType SignatureType, EthereumAddress? Funder)
{
    /// <summary>The signing key trading from its own address (signature type 0).</summary>
    public static TradingAccount OwnKey { get; } = new(OrderSignatureType.Eoa, null);

    /// <summary>
    /// The order's signer field when <paramref name="key"/> signs: the key itself, except for a deposit wallet, which
    /// signs as itself (OrderBuilder._v2_order_signer in py-clob-client-v2). The CLOB requires it to be the address
    /// the API key belongs to.
    /// </summary>
    public EthereumAddress OrderSigner(EthereumAddress key) =>
        SignatureType == OrderSignatureType.Poly1271 && Funder is { } wallet ? wallet : key;
}
