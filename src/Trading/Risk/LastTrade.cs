namespace Polytraders.Trading.Risk;

/// <summary>The market's last trade, which the staleness and price-band checks measure an intent against.</summary>
public readonly record struct LastTrade(decimal Price, DateTimeOffset At);
