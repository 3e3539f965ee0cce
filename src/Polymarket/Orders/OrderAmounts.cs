namespace Polytraders.Polymarket.Orders;

/// <summary>
/// The signed amounts of an order in 6-decimal base units (pUSD and outcome shares both have 6 decimals).
/// BUY: maker gives pUSD, taker side is shares. SELL: maker gives shares, taker side is pUSD.
/// </summary>
public readonly record struct OrderAmounts(OrderSide Side, ulong MakerAmount, ulong TakerAmount);
