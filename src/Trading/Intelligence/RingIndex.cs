namespace Polytraders.Trading.Intelligence;

/// <summary>
/// Index arithmetic for the fixed ring buffers of the tick path. A compare replaces the modulo because an integer
/// division costs more than the rest of a push.
/// </summary>
internal static class RingIndex
{
    /// <summary>The slot after <paramref name="index"/>, wrapping to 0.</summary>
    public static int Next(int index, int length) => index + 1 == length ? 0 : index + 1;

    /// <summary><paramref name="index"/> in [0, 2 × length) brought into [0, length).</summary>
    public static int Wrap(int index, int length) => index >= length ? index - length : index;
}
