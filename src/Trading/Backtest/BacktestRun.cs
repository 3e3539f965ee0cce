using Polytraders.Contracts;
using Polytraders.Trading.Backtest.Data;

namespace Polytraders.Trading.Backtest;

/// <summary>The whole of one run from a request and a data set: plan, open and merge the sources, run, close them.</summary>
public static class Backtests
{
    /// <summary>
    /// Plans and runs <paramref name="request"/> over <paramref name="data"/>. Refusals and bad data surface as
    /// <see cref="BacktestException"/> (with their reason code); cancellation as <see cref="OperationCanceledException"/>.
    /// </summary>
    public static BacktestResults Run(
        BacktestRequest request,
        BacktestDataSet data,
        BacktestSettings settings,
        IBacktestJournal? journal = null,
        Action<BacktestProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var plan = BacktestPlan.Create(request, data);
        return Run(plan, data, settings, journal, progress, cancellationToken);
    }

    public static BacktestResults Run(
        BacktestPlan plan,
        BacktestDataSet data,
        BacktestSettings settings,
        IBacktestJournal? journal = null,
        Action<BacktestProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        Run(plan, warnings => data.OpenSources(warnings), settings, journal, progress, cancellationToken, out _);

    /// <summary>A plan over any sources (synthetic load runs, tests); <paramref name="runner"/> gives access to the decision lines.</summary>
    public static BacktestResults Run(
        BacktestPlan plan,
        Func<BacktestDataWarnings, IReadOnlyList<IPriceSource>> openSources,
        BacktestSettings settings,
        IBacktestJournal? journal,
        Action<BacktestProgress>? progress,
        CancellationToken cancellationToken,
        out BacktestRunner runner)
    {
        var warnings = new BacktestDataWarnings(plan.WindowStart, plan.WindowEnd);
        runner = new BacktestRunner(plan, settings, journal, warnings);
        using var merge = new PriceMerge(openSources(warnings));
        return runner.Run(merge, progress, cancellationToken);
    }
}
