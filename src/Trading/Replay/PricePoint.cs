namespace Polytraders.Trading.Replay;

/// <summary>One observed price of one outcome token.</summary>
public readonly record struct PricePoint(DateTimeOffset Timestamp, string TokenId, decimal Price);
