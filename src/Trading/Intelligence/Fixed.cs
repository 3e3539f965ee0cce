using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Polytraders.Trading.Intelligence;

/// <summary>
/// A reading on the tick path as a whole number of billionths (value = <see cref="Raw"/> / 10^9). Prices, scores and
/// confidences live in [-1,1] and the finest Polymarket tick is 10^-4, so nine decimals hold every input exactly and
/// leave five digits below the finest tick; 64-bit integer arithmetic is what lets one core replay months of minutes
/// in seconds, where 96-bit decimal arithmetic cost most of a tick. Every operation is exact or rounds to the nearest
/// billionth with halves away from zero, so a result is the same on every machine. Money never passes through here:
/// orders, fills and limits stay decimal.
/// </summary>
public readonly record struct Fixed(long Raw) : IComparable<Fixed>, IAdditionOperators<Fixed, Fixed, Fixed>, ISubtractionOperators<Fixed, Fixed, Fixed>
{
    public const int Decimals = 9;

    /// <summary>10^9: the raw value of 1.</summary>
    public const long Scale = 1_000_000_000L;

    private static readonly long[] PowersOfTen = [1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, Scale];

    public static Fixed Zero => default;

    public static Fixed One => new(Scale);

    public static Fixed MinusOne => new(-Scale);

    public static implicit operator Fixed(int value) => new(value * Scale);

    /// <summary>The decimal rounded to nine decimals (halves away from zero); throws when it lies beyond ±9.2 billion.</summary>
    public static Fixed From(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        if (bits[2] == 0 && scale <= Decimals)
        {
            var mantissa = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
            var factor = (ulong)PowersOfTen[Decimals - scale];
            if (mantissa <= long.MaxValue / factor)
            {
                var raw = (long)(mantissa * factor);
                return new Fixed(bits[3] < 0 ? -raw : raw);
            }
        }

        var rounded = decimal.Round(value, Decimals, MidpointRounding.AwayFromZero);
        return rounded * Scale is var scaled && scaled >= long.MinValue && scaled <= long.MaxValue
            ? new Fixed((long)scaled)
            : throw new OverflowException($"{value} is beyond the range of a tick-path reading.");
    }

    public static Fixed operator +(Fixed a, Fixed b) => new(a.Raw + b.Raw);

    public static Fixed operator -(Fixed a, Fixed b) => new(a.Raw - b.Raw);

    public static Fixed operator -(Fixed a) => new(-a.Raw);

    public static Fixed operator *(Fixed a, Fixed b)
    {
        var high = Math.BigMul(a.Raw, b.Raw, out long low);
        return high == (low >> 63)
            ? new Fixed(DivideRounded(low, Scale))
            : new Fixed(DivideRounded((Int128)a.Raw * b.Raw, Scale));
    }

    /// <summary>Exact: a whole-number factor needs no rounding.</summary>
    public static Fixed operator *(int factor, Fixed value) => new(factor * value.Raw);

    /// <summary>Rounded quotient by a whole number; throws <see cref="DivideByZeroException"/> on zero.</summary>
    public static Fixed operator /(Fixed value, int divisor) => new(DivideRounded(value.Raw, divisor));

    /// <summary>Rounded quotient; throws <see cref="DivideByZeroException"/> on zero, as decimal does.</summary>
    public static Fixed operator /(Fixed a, Fixed b)
    {
        var high = Math.BigMul(a.Raw, Scale, out long low);
        return high == (low >> 63)
            ? new Fixed(DivideRounded(low, b.Raw))
            : new Fixed(DivideRounded((Int128)a.Raw * Scale, b.Raw));
    }

    public static bool operator <(Fixed a, Fixed b) => a.Raw < b.Raw;

    public static bool operator >(Fixed a, Fixed b) => a.Raw > b.Raw;

    public static bool operator <=(Fixed a, Fixed b) => a.Raw <= b.Raw;

    public static bool operator >=(Fixed a, Fixed b) => a.Raw >= b.Raw;

    public static Fixed Abs(Fixed value) => new(Math.Abs(value.Raw));

    public static Fixed Max(Fixed a, Fixed b) => a.Raw >= b.Raw ? a : b;

    public static Fixed Clamp(Fixed value, Fixed min, Fixed max) => value.Raw < min.Raw ? min : value.Raw > max.Raw ? max : value;

    public static int Sign(Fixed value) => Math.Sign(value.Raw);

    /// <summary>
    /// The square root rounded down to a billionth: the integer root of Raw * 10^9. A floating-point root only seeds
    /// the search; the exact integer steps after it decide every digit, so no machine's rounding leaks in.
    /// </summary>
    public static Fixed Sqrt(Fixed value)
    {
        if (value.Raw < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "No real square root of a negative number.");
        }

        // Readings up to 9.2 (every volatility) square-root in 64 bits; larger ones take the 128-bit path.
        return value.Raw <= long.MaxValue / Scale
            ? new Fixed(IntegerRoot(value.Raw * Scale))
            : new Fixed((long)IntegerRoot((Int128)value.Raw * Scale));
    }

    /// <summary>A span of 100 ns ticks in hours, rounded to a billionth (an hour is 36 × 10^9 ticks).</summary>
    public static Fixed Hours(long ticks) => new(DivideRounded(ticks, TimeSpan.TicksPerHour / Scale));

    /// <summary>Rounded to <paramref name="decimals"/> (at most nine; halves away from zero).</summary>
    public Fixed Round(int decimals)
    {
        var unit = Unit(decimals);
        return new Fixed(DivideRounded(Raw, unit) * unit);
    }

    public int CompareTo(Fixed other) => Raw.CompareTo(other.Raw);

    /// <summary>The exact decimal value, with nine decimals.</summary>
    public decimal ToDecimal() => ToDecimal(Raw, Decimals);

    /// <summary>Rounded to <paramref name="decimals"/> (at most nine; halves away from zero), with that many decimals, as published.</summary>
    public decimal ToDecimal(int decimals) => ToDecimal(DivideRounded(Raw, Unit(decimals)), decimals);

    public override string ToString() => ToDecimal().ToString(CultureInfo.InvariantCulture);

    /// <summary>The raw value of one unit in the last of <paramref name="decimals"/> places.</summary>
    private static long Unit(int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, Decimals);
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        return PowersOfTen[Decimals - decimals];
    }

    private static decimal ToDecimal(long raw, int decimals)
    {
        var magnitude = raw == long.MinValue ? (ulong)long.MaxValue + 1 : (ulong)Math.Abs(raw);
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, raw < 0, (byte)decimals);
    }

    /// <summary>The largest integer whose square is at most <paramref name="target"/>: a double seeds it, exact steps settle it.</summary>
    private static T IntegerRoot<T>(T target)
        where T : IBinaryInteger<T>
    {
        var root = T.CreateTruncating(Math.Sqrt(double.CreateTruncating(target)));
        while (root * root > target)
        {
            root--;
        }

        while ((root + T.One) * (root + T.One) <= target)
        {
            root++;
        }

        return root;
    }

    // Inlined so that a constant divisor (the scale, a power of ten) compiles to a multiply instead of a division.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long DivideRounded(long numerator, long divisor)
    {
        var quotient = Math.DivRem(numerator, divisor, out var remainder);
        if (remainder != 0 && (ulong)Math.Abs(remainder) * 2 >= (ulong)Math.Abs(divisor))
        {
            quotient += (numerator < 0) == (divisor < 0) ? 1 : -1;
        }

        return quotient;
    }

    private static long DivideRounded(Int128 numerator, long divisor)
    {
        var quotient = Int128.DivRem(numerator, divisor);
        var result = quotient.Quotient;
        if (quotient.Remainder != 0 && Int128.Abs(quotient.Remainder) * 2 >= Math.Abs(divisor))
        {
            result += (numerator < 0) == (divisor < 0) ? 1 : -1;
        }

        return checked((long)result);
    }
}
