namespace Polytraders.Trading.Intelligence;

/// <summary>
/// One observation of one outcome token, as the market grain, the replay and the backtest produce it. A value type
/// passed by <c>in</c> so the tick path never allocates; optional fields are null when the source did not carry them.
/// </summary>
/// <param name="Price">Last trade (or last published) price, a probability in (0,1).</param>
/// <param name="Volume">Shares traded since the previous tick of this token; null means none were reported.</param>
/// <param name="EndDate">The market's end date, when the source knows it.</param>
/// <param name="ReferencePrice">An external fair-value estimate of the token (spot-implied, poll-implied...).</param>
public readonly record struct MarketTick(
    string MarketId,
    string TokenId,
    DateTimeOffset Timestamp,
    decimal Price,
    decimal? BestBid = null,
    decimal? BestAsk = null,
    decimal? BidSize = null,
    decimal? AskSize = null,
    decimal? Volume = null,
    DateTimeOffset? EndDate = null,
    decimal? ReferencePrice = null)
{
    private readonly decimal _price = Price;

    /// <summary>Last trade (or last published) price, a probability in (0,1).</summary>
    public decimal Price
    {
        get => _price;
        init
        {
            _price = value;
            PriceReading = Fixed.From(value);
        }
    }

    /// <summary>The price as the sensors read it, converted once per tick rather than once per sensor.</summary>
    public Fixed PriceReading { get; private init; } = Fixed.From(Price);
}
