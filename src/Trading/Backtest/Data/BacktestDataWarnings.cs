using Polytraders.Contracts;

namespace Polytraders.Trading.Backtest.Data;

/// <summary>
/// Data a Backtest reads past rather than refuses, counted by reason code and kind for the results: a price exactly at 0
/// or 1 (no tradable information, and no price a limit can sit on), prices of a market after it resolved, prices off
/// the market's tick grid, markets in scope with too few prices to trade. Only points inside the run's window count:
/// the sources read the points before it too (to reach it), and those say nothing about the run.
/// </summary>
public sealed class BacktestDataWarnings
{
    private readonly Dictionary<(string Detail, string ReasonCode), long> _counts = [];
    private readonly long _startTicks;
    private readonly long _endTicks;

    /// <summary>Warnings of a pass with no window (a scan of the whole data set): every point counts.</summary>
    public BacktestDataWarnings()
        : this(long.MinValue, long.MaxValue)
    {
    }

    /// <summary>Warnings of a run over [<paramref name="windowStart"/>, <paramref name="windowEnd"/>].</summary>
    public BacktestDataWarnings(DateTimeOffset windowStart, DateTimeOffset windowEnd)
        : this(windowStart.UtcTicks, windowEnd.UtcTicks)
    {
    }

    private BacktestDataWarnings(long startTicks, long endTicks) => (_startTicks, _endTicks) = (startTicks, endTicks);

    public long Total => _counts.Values.Sum();

    /// <summary>A point at <paramref name="utcTicks"/> read past: counted when it lies in the window.</summary>
    public void Add(long utcTicks, string detail, string reasonCode = ReasonCodes.StratBacktestBadData)
    {
        if (utcTicks >= _startTicks && utcTicks <= _endTicks)
        {
            Add(detail, reasonCode, 1);
        }
    }

    /// <summary><paramref name="count"/> occurrences the caller already knows to be in the window.</summary>
    public void Add(string detail, string reasonCode, long count)
    {
        var key = (detail, reasonCode);
        _counts[key] = _counts.GetValueOrDefault(key) + count;
    }

    public List<BacktestDataWarning> ToContract() => _counts
        .OrderBy(c => c.Key.Detail, StringComparer.Ordinal)
        .Take(50)
        .Select(c => new BacktestDataWarning { ReasonCode = c.Key.ReasonCode, Detail = c.Key.Detail, Count = c.Value })
        .ToList();
}
