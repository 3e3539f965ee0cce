namespace Polytraders.Trading.Backtest;

/// <summary>
/// Whether a price sits on a market's tick grid, asked for every point of a run, so it must not divide: a tick that is a
/// power of ten (0.1 .. 0.0001) holds every price with no more decimals than it has, read off the decimal's scale; other
/// ticks (0.005, 0.0025) and prices written with trailing zeros ("0.500") take the remainder.
/// </summary>
public readonly struct TickGrid(decimal tickSize)
{
    private readonly decimal _tick = tickSize;
    private readonly int _decimals = DecimalsOfPowerOfTen(tickSize);

    public bool Holds(decimal price) => price.Scale <= _decimals || price % _tick == 0m;

    /// <summary>n when the tick is 10^-n, else -1 (no price is held by its scale alone).</summary>
    private static int DecimalsOfPowerOfTen(decimal tick)
    {
        var power = 1m;
        for (var decimals = 0; decimals <= 10; decimals++, power /= 10m)
        {
            if (tick == power)
            {
                return decimals;
            }
        }

        return -1;
    }
}
