using Polytraders.Contracts;

namespace Polytraders.TestVenues;

/// <summary>What the tests' scripted venues answer: the whole intent matched at its limit, when it was made.</summary>
internal static class MatchedFill
{
    public static Fill Of(OrderIntent intent, string fillId) => new()
    {
        FillId = fillId,
        ClientOrderId = intent.ClientOrderId,
        PortfolioId = intent.PortfolioId,
        MarketId = intent.MarketId,
        TokenId = intent.TokenId,
        Side = intent.Side,
        Size = intent.Size,
        Price = intent.LimitPrice,
        Fee = 0m,
        FilledAt = intent.CreatedAt,
        Venue = FillVenue.Paper,
        Status = FillStatus.Matched,
    };
}
