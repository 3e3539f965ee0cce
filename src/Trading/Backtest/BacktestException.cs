namespace Polytraders.Trading.Backtest;

/// <summary>
/// A Backtest refused or stopped for a reason the operator can act on: bad data, a window too long, a scope that holds
/// nothing. Always carries a registered reason code (STRAT_BACKTEST_*, STRAT_SCOPE_*, STRAT_UNKNOWN_*...), so the
/// gateway, the grain and the command line report it instead of crashing.
/// </summary>
public sealed class BacktestException(string reasonCode, string message) : Exception(message)
{
    public string ReasonCode { get; } = reasonCode;
}
