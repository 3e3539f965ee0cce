using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Polytraders.Trading.Scope;

namespace Polytraders.Trading.Momentum;

/// <summary>
/// Values by market id, compared like every market id (<see cref="MarketScopeRules.MarketIdComparer"/>). The tick
/// path looks a market up on every tick, and the ticks of one market usually carry the same id instance (the
/// Backtest's, a cached one), so a small table keyed by instance answers first and the 66-character id is hashed
/// case-insensitively only on a miss. Any change to the index empties that table, so it never answers stale.
/// </summary>
internal sealed class MarketIndex<T>
    where T : class
{
    private const int RecentSlots = 64;

    private readonly Dictionary<string, T> _byId = new(MarketScopeRules.MarketIdComparer);
    private readonly (string? Id, T? Value)[] _recent = new (string?, T?)[RecentSlots];

    public IEnumerable<KeyValuePair<string, T>> Entries => _byId;

    public IEnumerable<T> Values => _byId.Values;

    public bool TryGetValue(string marketId, [MaybeNullWhen(false)] out T value)
    {
        ref var recent = ref _recent[RuntimeHelpers.GetHashCode(marketId) & (RecentSlots - 1)];
        if (ReferenceEquals(recent.Id, marketId))
        {
            value = recent.Value!;
            return true;
        }

        if (!_byId.TryGetValue(marketId, out value))
        {
            return false;
        }

        recent = (marketId, value);
        return true;
    }

    public void Set(string marketId, T value)
    {
        _byId[marketId] = value;
        Array.Clear(_recent);
    }

    public void Remove(string marketId)
    {
        _byId.Remove(marketId);
        Array.Clear(_recent);
    }
}
