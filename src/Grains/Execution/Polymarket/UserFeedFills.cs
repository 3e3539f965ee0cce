using Polytraders.Contracts;
using Polytraders.Polymarket.Clob;

namespace Polytraders.Grains.Execution.Polymarket;

/// <summary>
/// The user feed's trade updates → fills of our orders (<see cref="TradeFillMapper"/>), each (fill, status) once: the
/// venue sends a status more than once, and one hand-over per status is enough. Remembers the last 100 000 pairs at
/// most (then starts over), which execution's own deduplication by fill id and status makes safe.
/// </summary>
public sealed class UserFeedFills(SubmittedOrderIndex orders)
{
    private const int MaxRemembered = 100_000;

    private readonly HashSet<(string FillId, FillStatus Status)> _seen = [];

    public IReadOnlyList<Fill> Of(TradeUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return [.. TradeFillMapper.FillsOf(update.Trade, orders, update.Timestamp).Where(Remember)];
    }

    private bool Remember(Fill fill)
    {
        if (_seen.Count >= MaxRemembered)
        {
            _seen.Clear();
        }

        return _seen.Add((fill.FillId, fill.Status));
    }
}
