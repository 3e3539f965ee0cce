using Polytraders.Contracts;

namespace Polytraders.Trading.Momentum;

/// <summary>
/// What one call into the Strategy decided, for the grain to audit and forward. Most ticks decide nothing and return
/// <see cref="None"/> without allocating.
/// </summary>
/// <param name="Signal">Set when the strategy_score crossed a threshold on this tick (audited as STRAT_SIGNAL).</param>
/// <param name="Intent">An order for risk (STRAT_MOMENTUM_LONG or STRAT_MOMENTUM_EXIT).</param>
/// <param name="Stranded">
/// A position that had to be closed but cannot be sold (the market resolved, or no price was ever seen): flagged
/// under STRAT_MARKET_RESOLVED / STRAT_MARKET_OUT_OF_SCOPE for redemption or an operator.
/// </param>
public readonly record struct StrategyStep(Signal? Signal, OrderIntent? Intent, MomentumPosition? Stranded)
{
    public static StrategyStep None => default;

    public bool IsEmpty => Signal is null && Intent is null && Stranded is null;
}
