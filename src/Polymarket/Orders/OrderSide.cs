namespace Polytraders.Polymarket.Orders;

/// <summary>
/// Order side as the CTF Exchange encodes it (uint8 in the signed struct). Source:
/// Polymarket ctf-exchange-v2 src/exchange/libraries/Structs.sol (enum Side { BUY, SELL }).
/// </summary>
public enum OrderSide : byte
{
    Buy = 0,
    Sell = 1,
}
