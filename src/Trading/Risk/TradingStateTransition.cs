using Polytraders.Contracts;

namespace Polytraders.Trading.Risk;

/// <summary>
/// A change of a Portfolio's trading state or kill switch, for the risk grain to audit under
/// <see cref="ReasonCode"/> (GOV_TRADING_STATE_CHANGED, GOV_KILL_SWITCH_ON or GOV_KILL_SWITCH_OFF).
/// </summary>
public sealed record TradingStateTransition(string ReasonCode, TradingState From, TradingState To, bool KillSwitch, string Reason);
