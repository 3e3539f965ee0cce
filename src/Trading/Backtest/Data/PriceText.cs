using System.Globalization;

namespace Polytraders.Trading.Backtest.Data;

/// <summary>Allocation-free parsing of the two fields a price line holds: a timestamp and a decimal.</summary>
public static class PriceText
{
    /// <summary>A decimal like <c>0.52</c> (the scale kept, as <see cref="decimal.Parse(string)"/> keeps it); other shapes through decimal.TryParse.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<char> text, out decimal value)
    {
        ulong mantissa = 0;
        var scale = -1;
        var digits = 0;
        foreach (var c in text)
        {
            if (c == '.')
            {
                if (scale >= 0)
                {
                    value = 0m;
                    return false;
                }

                scale = 0;
                continue;
            }

            var digit = c - '0';
            if ((uint)digit > 9 || digits >= 18)
            {
                return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
            }

            mantissa = (mantissa * 10) + (uint)digit;
            digits++;
            if (scale >= 0)
            {
                scale++;
            }
        }

        if (digits == 0)
        {
            value = 0m;
            return false;
        }

        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, isNegative: false, (byte)Math.Max(scale, 0));
        return true;
    }

    /// <summary>Unix seconds, or RFC 3339 (the common <c>2026-11-02T14:00:00Z</c> without parsing machinery); UTC ticks.</summary>
    public static bool TryParseTimestamp(ReadOnlySpan<char> text, out long utcTicks)
    {
        if (text.Length > 0 && text.Length <= 12 && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var unix))
        {
            utcTicks = DateTimeOffset.UnixEpoch.UtcTicks + (unix * TimeSpan.TicksPerSecond);
            return true;
        }

        if (text.Length == 20 && text[4] == '-' && text[7] == '-' && text[10] == 'T' && text[13] == ':' && text[16] == ':' && text[19] == 'Z'
            && Digits(text[..4], out var year) && Digits(text.Slice(5, 2), out var month) && Digits(text.Slice(8, 2), out var day)
            && Digits(text.Slice(11, 2), out var hour) && Digits(text.Slice(14, 2), out var minute) && Digits(text.Slice(17, 2), out var second)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) && hour < 24 && minute < 60 && second < 60)
        {
            utcTicks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks;
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            utcTicks = parsed.UtcTicks;
            return true;
        }

        utcTicks = 0;
        return false;
    }

    private static bool Digits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if ((uint)(c - '0') > 9)
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
