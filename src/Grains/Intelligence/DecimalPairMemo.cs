namespace Polytraders.Grains.Intelligence;

/// <summary>
/// <see cref="DecimalMemo"/> for a function of two decimals: a hit requires the exact bits of both keys, so the
/// remembered result is the one a fresh computation would return.
/// </summary>
public sealed class DecimalPairMemo(Func<decimal, decimal, decimal> compute)
{
    private const int Slots = 512;
    private const int IntsPerKey = 8;

    private readonly int[] _keys = new int[Slots * IntsPerKey];
    private readonly decimal[] _results = new decimal[Slots];
    private readonly bool[] _filled = new bool[Slots];

    public decimal this[decimal first, decimal second]
    {
        get
        {
            Span<int> bits = stackalloc int[IntsPerKey];
            decimal.GetBits(first, bits[..4]);
            decimal.GetBits(second, bits[4..]);
            var slot = (bits[0] ^ (bits[0] >>> 8) ^ (bits[4] * 31) ^ (bits[4] >>> 8)) & (Slots - 1);
            var stored = _keys.AsSpan(slot * IntsPerKey, IntsPerKey);
            if (_filled[slot] && stored.SequenceEqual(bits))
            {
                return _results[slot];
            }

            var result = compute(first, second);
            bits.CopyTo(stored);
            _results[slot] = result;
            _filled[slot] = true;
            return result;
        }
    }
}
