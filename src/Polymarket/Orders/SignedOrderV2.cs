using Polytraders.Polymarket.Crypto;

namespace Polytraders.Polymarket.Orders;

/// <summary>
/// An order with its signature ("0x" hex: 65 bytes, or the longer wrapped form for POLY_1271)
/// and its order hash (the EIP-712 digest of the order under the exchange's domain, which is
/// how the exchange and the CLOB identify the order).
/// </summary>
public sealed record SignedOrderV2(OrderV2 Order, string Signature, Bytes32 OrderHash);
