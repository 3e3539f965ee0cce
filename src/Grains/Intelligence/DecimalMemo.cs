namespace Polytraders.Grains.Intelligence;

/// <summary>
/// Remembers a deterministic decimal function of one decimal in a small direct-mapped table, for tick-path readings
/// that take few distinct values: prices move in ticks, so a change, a rolling sum of squared changes or a root of
/// it repeats, and a hit skips the divisions (or the whole Newton loop) behind it. A hit requires the key's exact
/// bits (sign, scale and digits), so a remembered result is exactly the one a fresh computation would return. Fixed
/// size, no allocation per lookup; one table per instance, so per market and never shared across threads.
/// </summary>
public sealed class DecimalMemo(Func<decimal, decimal> compute)
{
    private const int Slots = 256;
    private const int IntsPerKey = 4;

    private readonly int[] _keys = new int[Slots * IntsPerKey];
    private readonly decimal[] _results = new decimal[Slots];
    private readonly bool[] _filled = new bool[Slots];

    public decimal this[decimal key]
    {
        get
        {
            Span<int> bits = stackalloc int[IntsPerKey];
            decimal.GetBits(key, bits);
            var slot = (bits[0] ^ (bits[0] >>> 8) ^ bits[1]) & (Slots - 1);
            var stored = _keys.AsSpan(slot * IntsPerKey, IntsPerKey);
            if (_filled[slot] && stored.SequenceEqual(bits))
            {
                return _results[slot];
            }

            var result = compute(key);
            bits.CopyTo(stored);
            _results[slot] = result;
            _filled[slot] = true;
            return result;
        }
    }
}
