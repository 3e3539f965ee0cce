using Polytraders.Contracts;

namespace Polytraders.Trading.Backtest;

/// <summary>
/// How a run simulates what the live cluster would do around the decision core. Fills (see <see cref="Execution.Venues.SimulatedFill"/>):
/// <list type="bullet">
/// <item><see cref="BacktestFillModelTiming.NextObservation"/> (default): an approved order fills at the next observed
/// price of its token after the decision, if its limit still reaches that price; otherwise it is unfilled
/// (fill-and-kill) and the Strategy hears a rejection. An order still open when its market resolves or the window ends
/// is cancelled unfilled.</item>
/// <item><see cref="BacktestFillModelTiming.DecisionPrice"/>: at once, at the market's last price, as the paper venue
/// fills; this is what makes a run decide exactly as the live path on the same prices.</item>
/// <item>Slippage moves the fill price <see cref="SlippageTicks"/> ticks against the order, never past its limit; the
/// fee is <see cref="FeeBps"/> basis points of the notional, in pUSD.</item>
/// <item>When the observation carries a book snapshot, a BUY fills at most the ask size and a SELL at most the bid size
/// (partial fill, sizes on the 0.01 grid); the rest is cancelled and released.</item>
/// <item>A market that resolves leaves scope and its positions settle at 1 (the winning outcome) or 0.</item>
/// </list>
/// </summary>
public sealed record BacktestSettings
{
    /// <summary>Client order ids derive from the launch id; a fixed one makes equal runs produce equal hashes.</summary>
    public const string DefaultLaunchId = "LCH-backtest";

    public string BacktestId { get; init; } = "BT-local-run";

    public string LaunchId { get; init; } = DefaultLaunchId;

    public BacktestFillModelTiming FillTiming { get; init; } = BacktestFillModelTiming.NextObservation;

    public int SlippageTicks { get; init; }

    public decimal FeeBps { get; init; }

    /// <summary>Keep every decision line (tests, golden files); the hash is kept either way.</summary>
    public bool KeepDecisionLines { get; init; }

    /// <summary>Round trips kept for the results (the last ones).</summary>
    public int MaxTrades { get; init; } = 2000;

    /// <summary>About how many points the equity curve gets (the sampling step is rounded to 1, 5, 15, 30 min, 1, 4 h or a day).</summary>
    public int EquityPoints { get; init; } = 500;

    public static BacktestSettings From(BacktestRequest request, string backtestId) => new()
    {
        BacktestId = backtestId,
        FillTiming = request.Fills?.Timing ?? BacktestFillModelTiming.NextObservation,
        SlippageTicks = (int)(request.Fills?.SlippageTicks ?? 0),
        FeeBps = request.Fills?.FeeBps ?? 0,
    };
}

/// <summary>Where a run is: price points processed and the share of the window's simulated time behind it.</summary>
public readonly record struct BacktestProgress(long Events, DateTimeOffset SimulatedTime, decimal Percent);
