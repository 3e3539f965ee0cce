namespace Polytraders.Trading.Risk;

/// <summary>
/// What reversing a failed fill did beyond the book itself: the tokens a failed buy brought that were sold meanwhile
/// (0 normally; the position cannot go short, so an operator must look), and a trading state change the realised PnL
/// it moved caused, for the grain to audit.
/// </summary>
public sealed record FillReversal(decimal Shortfall, TradingStateTransition? Transition);
