namespace Polytraders.Polymarket.Clob;

/// <summary>
/// When the CLOB takes a GTD order off its book: a minute before the expiration it was posted with (Polymarket's
/// security threshold: an order meant to live 90 s is posted with an expiration of now + 60 s + 30 s).
/// </summary>
public static class GtdExpiry
{
    public static readonly TimeSpan SecurityThreshold = TimeSpan.FromMinutes(1);

    /// <summary>True when an order with <paramref name="expirationSeconds"/> (Unix seconds; 0 = none) is expired at <paramref name="at"/>.</summary>
    public static bool HasExpired(long expirationSeconds, DateTimeOffset at) =>
        expirationSeconds > 0 && at >= DateTimeOffset.FromUnixTimeSeconds(expirationSeconds) - SecurityThreshold;
}
