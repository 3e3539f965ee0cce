using System.Text.RegularExpressions;

namespace Polytraders.Gateway;

/// <summary>The id patterns of <c>schemas/common.json</c>, checked before an id reaches a grain key.</summary>
internal static partial class Identifiers
{
    public static bool IsPortfolioId(string? value) => value is not null && PortfolioId().IsMatch(value);

    public static bool IsStrategyId(string? value) => value is not null && StrategyId().IsMatch(value);

    public static bool IsLaunchId(string? value) => value is not null && LaunchId().IsMatch(value);

    public static bool IsClusterId(string? value) => value is not null && ClusterId().IsMatch(value);

    public static bool IsMarketId(string? value) => value is not null && MarketId().IsMatch(value);

    public static bool IsWatchlistId(string? value) => value is not null && WatchlistId().IsMatch(value);

    public static bool IsTenantId(string? value) => value is not null && TenantId().IsMatch(value);

    [GeneratedRegex(@"^PORT-[0-9]{3,6}\z", RegexOptions.CultureInvariant)]
    private static partial Regex PortfolioId();

    [GeneratedRegex(@"^[a-z][a-z0-9-]{2,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex StrategyId();

    [GeneratedRegex(@"^LCH-[0-9A-Za-z-]{6,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex LaunchId();

    [GeneratedRegex(@"^[a-z][a-z0-9-]{1,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ClusterId();

    [GeneratedRegex(@"^0x[0-9a-fA-F]{64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex MarketId();

    [GeneratedRegex(@"^WL-[0-9A-Za-z-]{3,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex WatchlistId();

    [GeneratedRegex(@"^TEN-[A-Z0-9]{2,16}\z", RegexOptions.CultureInvariant)]
    private static partial Regex TenantId();
}
