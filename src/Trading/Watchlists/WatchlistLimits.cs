using System.ComponentModel.DataAnnotations;

namespace Polytraders.Trading.Watchlists;

/// <summary>How many Watchlists one operator may keep (configuration section <c>Watchlists</c>).</summary>
public sealed class WatchlistLimits
{
    public const string Section = "Watchlists";

    /// <summary>The most markets on one Watchlist: the contract's <c>maxItems</c> (schemas/Watchlist.json).</summary>
    public const int MaxMarkets = 200;

    [Range(1, 1_000)]
    public int MaxPerOperator { get; set; } = 20;
}
