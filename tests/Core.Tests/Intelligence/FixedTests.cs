using Polytraders.Trading.Intelligence;

namespace Polytraders.Core.Tests.Intelligence;

public class FixedTests
{
    [Theory]
    [InlineData("0.437", 437_000_000L)]
    [InlineData("-0.5", -500_000_000L)]
    [InlineData("12", 12_000_000_000L)]
    [InlineData("0.000000001", 1L)]
    [InlineData("0.0000000005", 1L)] // half a billionth rounds away from zero
    [InlineData("-0.0000000005", -1L)]
    [InlineData("0.00000000049", 0L)]
    [InlineData("0.1234567894999", 123_456_789L)]
    public void a_decimal_becomes_whole_billionths_rounded_half_away_from_zero(string value, long raw)
    {
        Assert.Equal(raw, Fixed.From(decimal.Parse(value)).Raw);
    }

    [Fact]
    public void a_decimal_beyond_the_range_is_refused_not_wrapped()
    {
        Assert.Throws<OverflowException>(() => Fixed.From(10_000_000_000m));
    }

    [Theory]
    [InlineData("0.5", "0.25", "0.125")]
    [InlineData("-0.3", "0.7", "-0.21")]
    [InlineData("0.000000001", "0.5", "0.000000001")] // 0.5 billionths rounds away from zero
    [InlineData("-0.000000001", "0.5", "-0.000000001")]
    [InlineData("0.000000001", "0.4", "0")]
    [InlineData("9000", "9000", "81000000")] // beyond 64 bits before scaling: the 128-bit path
    public void products_are_rounded_to_the_nearest_billionth(string a, string b, string product)
    {
        Assert.Equal(decimal.Parse(product), (Fixed.From(decimal.Parse(a)) * Fixed.From(decimal.Parse(b))).ToDecimal());
    }

    [Theory]
    [InlineData("1", "3", "0.333333333")]
    [InlineData("2", "3", "0.666666667")]
    [InlineData("-2", "3", "-0.666666667")]
    [InlineData("2", "-3", "-0.666666667")]
    [InlineData("0.01", "0.03", "0.333333333")]
    [InlineData("100", "0.0001", "1000000")] // the numerator overflows 64 bits once scaled: the 128-bit path
    public void quotients_are_rounded_to_the_nearest_billionth(string a, string b, string quotient)
    {
        Assert.Equal(decimal.Parse(quotient), (Fixed.From(decimal.Parse(a)) / Fixed.From(decimal.Parse(b))).ToDecimal());
    }

    [Fact]
    public void whole_number_factors_and_divisors_agree_with_fixed_ones()
    {
        var value = Fixed.From(0.123456789m);
        Assert.Equal(value * 3, 3 * value);
        Assert.Equal(value / (Fixed)7, value / 7);
        Assert.Throws<DivideByZeroException>(() => value / Fixed.Zero);
    }

    [Theory]
    [InlineData("2", "1.414213562")] // rounded down
    [InlineData("0.0004", "0.02")]
    [InlineData("0.00125", "0.035355339")]
    [InlineData("144", "12")]
    [InlineData("0", "0")]
    [InlineData("1000000", "1000")] // beyond 9.2: the 128-bit path
    public void square_roots_are_exact_to_the_billionth_below(string value, string root)
    {
        Assert.Equal(decimal.Parse(root), Fixed.Sqrt(Fixed.From(decimal.Parse(value))).ToDecimal());
    }

    [Fact]
    public void a_negative_square_root_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Fixed.Sqrt(Fixed.From(-0.01m)));
    }

    [Theory]
    [InlineData("0.6666665", 6, "0.666667")]
    [InlineData("-0.6666665", 6, "-0.666667")]
    [InlineData("0.6666664", 6, "0.666666")]
    [InlineData("0.5", 6, "0.500000")]
    [InlineData("0.5", 0, "1")]
    public void publishing_rounds_half_away_from_zero_and_keeps_the_asked_decimals(string value, int decimals, string published)
    {
        var rounded = Fixed.From(decimal.Parse(value)).ToDecimal(decimals);
        Assert.Equal(published, rounded.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(decimal.Parse(published), Fixed.From(decimal.Parse(value)).Round(decimals).ToDecimal());
    }

    [Fact]
    public void hours_between_two_times_are_exact_for_whole_seconds()
    {
        Assert.Equal(47.5m, ScoreMath.HoursBetween(Ticks.Start, Ticks.Start.AddHours(47.5)).ToDecimal());
        Assert.Equal(-0.000277778m, ScoreMath.HoursBetween(Ticks.Start.AddSeconds(1), Ticks.Start).ToDecimal());
    }
}
