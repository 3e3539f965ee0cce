using Polytraders.Contracts;

namespace Polytraders.Trading.Backtest.Data;

/// <summary>
/// Data a Backtest reads past rather than refuses, counted by kind for the results: a price exactly at 0 or 1 (no
/// tradable information, and no price a limit can sit on), prices of a market after it resolved.
/// </summary>
public sealed class BacktestDataWarnings
{
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);

    public void Add(string detail) => _counts[detail] = _counts.GetValueOrDefault(detail) + 1;

    public long Total => _counts.Values.Sum();

    public List<BacktestDataWarning> ToContract() => _counts
        .OrderBy(c => c.Key, StringComparer.Ordinal)
        .Take(50)
        .Select(c => new BacktestDataWarning { ReasonCode = ReasonCodes.StratBacktestBadData, Detail = c.Key, Count = c.Value })
        .ToList();
}
