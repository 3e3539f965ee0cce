namespace Polytraders.Trading.Risk;

/// <summary>
/// Token bucket for max_orders_per_minute, kept in the <see cref="RiskBook"/>: it holds up to a minute's allowance,
/// refills continuously at allowance / 60 per second, and each order that passes takes one token. A burst of a
/// minute's orders is allowed, a sustained rate above the limit is not.
/// </summary>
public static class OrderRateBucket
{
    private const decimal TicksPerMinute = TimeSpan.TicksPerMinute;

    /// <summary>Brings the bucket up to <paramref name="now"/>; time going backwards refills nothing.</summary>
    public static void Refill(RiskBook book, long ordersPerMinute, DateTimeOffset now)
    {
        if (book.RateUpdatedAt is not { } last)
        {
            book.RateTokens = ordersPerMinute;
            book.RateUpdatedAt = now;
            return;
        }

        if (now <= last)
        {
            return;
        }

        var earned = (now.UtcTicks - last.UtcTicks) * ordersPerMinute / TicksPerMinute;
        book.RateTokens = Math.Min(ordersPerMinute, book.RateTokens + earned);
        book.RateUpdatedAt = now;
    }

    public static bool HasToken(RiskBook book) => book.RateTokens >= 1m;

    public static void Take(RiskBook book) => book.RateTokens -= 1m;
}
