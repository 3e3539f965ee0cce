using Orleans.Concurrency;
using Polytraders.Contracts;

namespace Polytraders.Grains;

/// <summary>
/// One Backtest run (key: its backtest id, <c>BT-...</c>). Start checks the request against its data set and starts
/// the run on the thread pool, outside grain turns; the grain reports status and progress while it runs, keeps the
/// results when it is done, and audits the run in its own chain (chain id = backtest id), badged BACKTEST.
/// </summary>
[Alias("Polytraders.IBacktestGrain")]
public interface IBacktestGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts the run, or refuses with a reason code (STRAT_BACKTEST_*, STRAT_SCOPE_*, STRAT_UNKNOWN_*...). Starting an
    /// id that already ran returns that run's id again and starts nothing.
    /// </summary>
    [Alias("Start")]
    Task<CommandResult> Start(BacktestRequest request, string requestedBy);

    /// <summary>The run, with live progress while it runs; null for an id never started.</summary>
    [AlwaysInterleave]
    [Alias("GetRun")]
    Task<BacktestRun?> GetRun();

    /// <summary>Envelopes of the run's own audit chain with sequence above <paramref name="afterSequence"/>, oldest first.</summary>
    [AlwaysInterleave]
    [Alias("ReadAudit")]
    Task<AuditPage> ReadAudit(long afterSequence, int limit);

    /// <summary>Asks a queued or running Backtest to stop; refused with STRAT_BACKTEST_FINISHED once it has finished.</summary>
    [Alias("Cancel")]
    Task<CommandResult> Cancel(string requestedBy);
}
