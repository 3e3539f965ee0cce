using Polytraders.Polymarket.Clob;
using Polytraders.Venue.Tests.Fake;

namespace Polytraders.Venue.Tests.Support;

public static class TestMarkets
{
    public const string ConditionId = "0xbd31dc8a20211944f6b70f31557f1001557b59905b7738480ca09bd4532f84af";
    public const string YesToken = "71321045679252212594626385532706912750332728571942532289631379312455583992563";

    /// <summary>A 0.01-tick market, minimum 5 shares, bids 0.48/0.49, asks 0.52/0.53.</summary>
    public static FakeMarket Standard(FakeClob clob, string tokenId = YesToken, string conditionId = ConditionId) => clob.AddMarket(new FakeMarket
    {
        ConditionId = conditionId,
        TokenId = tokenId,
        TickSize = 0.01m,
        MinOrderSize = 5m,
        Bids = [new BookLevel { Price = 0.48m, Size = 30m }, new BookLevel { Price = 0.49m, Size = 20m }],
        Asks = [new BookLevel { Price = 0.52m, Size = 25m }, new BookLevel { Price = 0.53m, Size = 60m }],
    });
}
