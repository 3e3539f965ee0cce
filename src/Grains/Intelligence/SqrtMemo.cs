namespace Polytraders.Grains.Intelligence;

/// <summary>
/// <see cref="ScoreMath.Sqrt"/> of <c>numerator / divisor</c> for one fixed divisor, remembered per numerator in a
/// small direct-mapped table. Prices move in ticks, so a rolling sum of squared changes takes few distinct values
/// and nearly every lookup hits, skipping the Newton loop, its divisions and the division by the divisor. A hit
/// requires the same value and the same scale, i.e. the same decimal digits: the function is deterministic on those,
/// so a remembered root is exactly the one a fresh computation would return. Fixed size, no allocation per lookup.
/// </summary>
public sealed class SqrtMemo
{
    private const int Slots = 256;

    private readonly decimal _divisor;
    private readonly decimal[] _numerators = new decimal[Slots];
    private readonly decimal[] _roots = new decimal[Slots];
    private readonly bool[] _filled = new bool[Slots];

    public SqrtMemo(int divisor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(divisor, 1);
        _divisor = divisor;
    }

    public decimal SqrtOfQuotient(decimal numerator)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(numerator, bits);
        var slot = (bits[0] ^ (bits[0] >>> 8) ^ bits[1]) & (Slots - 1);

        // Equal value and equal scale mean equal digits (only ±0 could differ, and the root of either is 0).
        if (_filled[slot] && _numerators[slot] == numerator && _numerators[slot].Scale == numerator.Scale)
        {
            return _roots[slot];
        }

        var root = ScoreMath.Sqrt(numerator / _divisor);
        _numerators[slot] = numerator;
        _roots[slot] = root;
        _filled[slot] = true;
        return root;
    }
}
