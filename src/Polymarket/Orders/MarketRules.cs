namespace Polytraders.Polymarket.Orders;

/// <summary>
/// What the venue says about one outcome token: its tick size, its minimum order size in shares
/// (order book "min_order_size") and whether it trades on the Neg Risk exchange.
/// </summary>
public sealed record MarketRules(TickSize TickSize, decimal MinimumOrderSize, bool NegRisk);
