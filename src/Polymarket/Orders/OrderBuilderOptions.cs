using Polytraders.Polymarket.Crypto;

namespace Polytraders.Polymarket.Orders;

/// <summary>
/// Who an account trades as. <paramref name="Funder"/> is the address holding the funds (proxy
/// wallet, Gnosis Safe or deposit wallet); it defaults to the signing EOA and is required for
/// POLY_1271, where the deposit wallet is both maker and signer.
/// </summary>
public sealed record OrderBuilderOptions(
    long ChainId,
    OrderSignatureType SignatureType = OrderSignatureType.Eoa,
    EthereumAddress? Funder = null,
    Bytes32 BuilderCode = default,
    Bytes32 Metadata = default);
