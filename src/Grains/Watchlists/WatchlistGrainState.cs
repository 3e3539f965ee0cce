using Polytraders.Contracts;

namespace Polytraders.Grains.Watchlists;

[GenerateSerializer]
[Alias("Polytraders.WatchlistGrainState")]
public sealed class WatchlistGrainState
{
    [Id(0)]
    public List<Watchlist> Watchlists { get; set; } = [];

    /// <summary>The number of the last id handed out: ids are never reused.</summary>
    [Id(1)]
    public long LastNumber { get; set; }
}
