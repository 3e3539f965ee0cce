namespace Polytraders.Polymarket.Orders;

/// <summary>
/// How the exchange verifies an order's signature (uint8 in the signed struct). Source:
/// Polymarket ctf-exchange-v2 src/exchange/libraries/Structs.sol (enum SignatureType) and
/// clob-client-v2 src/order-utils/model/signatureTypeV2.ts.
/// </summary>
public enum OrderSignatureType : byte
{
    /// <summary>ECDSA EIP-712 signature by the maker EOA itself.</summary>
    Eoa = 0,

    /// <summary>ECDSA signature by the EOA that owns a Polymarket proxy wallet (the maker).</summary>
    PolyProxy = 1,

    /// <summary>ECDSA signature by the EOA that owns a Polymarket Gnosis Safe (the maker).</summary>
    PolyGnosisSafe = 2,

    /// <summary>EIP-1271 signature checked by a deposit wallet contract (signer = maker = the wallet).</summary>
    Poly1271 = 3,
}
