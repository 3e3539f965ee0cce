using System.Globalization;
using Polytraders.Contracts;
using Polytraders.Core.Tests.Backtest;
using Polytraders.Trading.Risk;

namespace Polytraders.Core.Tests.Risk;

/// <summary>The PortfolioConfig rule for a running Portfolio: a cap may not fall below what is already held.</summary>
public class CapsAgainstHoldingsTests
{
    private static readonly PortfolioConfig Port001 = BacktestFixtures.Port001;

    /// <summary>1,200 pUSD at cost in one crypto market, and a 300 pUSD buy in flight in the same market.</summary>
    private static RiskBook Holding()
    {
        var book = RiskBook.Opening(25000m);
        book.Positions["yes-token"] = new RiskPosition { MarketId = "0xbtc", TokenId = "yes-token", Size = 2000m, CostBasis = 1200m, ClusterIds = ["crypto"] };
        book.OpenOrders["order-1"] = new OpenOrder { ClientOrderId = "order-1", MarketId = "0xbtc", TokenId = "yes-token", Side = Side.Buy, RemainingSize = 500m, LimitPrice = 0.6m, ClusterIds = ["crypto"] };
        return book;
    }

    private static PortfolioConfig With(decimal? gross = null, decimal? perMarket = null, decimal? crypto = null) => Port001 with
    {
        RiskLimits = Port001.RiskLimits with
        {
            MaxGrossExposure = gross ?? Port001.RiskLimits.MaxGrossExposure,
            MaxPositionPerMarket = perMarket ?? Port001.RiskLimits.MaxPositionPerMarket,
            MaxOrderNotional = Math.Min(Port001.RiskLimits.MaxOrderNotional, perMarket ?? Port001.RiskLimits.MaxOrderNotional),
        },
        ClusterCaps = [.. Port001.ClusterCaps.Select(c => c.ClusterId == "crypto" && crypto is { } cap ? c with { MaxExposure = cap } : c)],
    };

    [Fact]
    public void caps_lowered_to_exactly_what_is_held_are_accepted()
    {
        Assert.Null(CapsAgainstHoldings.Check(With(gross: 1500m, perMarket: 1500m, crypto: 1500m), Holding()));
    }

    [Theory]
    [InlineData("1499.99", null, null, "risk_limits.max_gross_exposure")]
    [InlineData(null, "1000", null, "risk_limits.max_position_per_market")]
    [InlineData(null, null, "1400", "cluster_caps[crypto].max_exposure")]
    public void a_cap_below_the_exposure_held_with_buys_in_flight_is_refused_naming_the_cap(string? gross, string? perMarket, string? crypto, string cap)
    {
        var refused = CapsAgainstHoldings.Check(With(Pusd(gross), Pusd(perMarket), Pusd(crypto)), Holding());

        Assert.NotNull(refused);
        Assert.Equal(ReasonCodes.RiskCapBelowExposure, refused.Value.Code);
        Assert.StartsWith(cap, refused.Value.Message, StringComparison.Ordinal);
        Assert.Contains("1500", refused.Value.Message, StringComparison.Ordinal);
    }

    private static decimal? Pusd(string? text) => text is null ? null : decimal.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void a_flat_book_takes_any_caps()
    {
        Assert.Null(CapsAgainstHoldings.Check(With(gross: 1m, perMarket: 1m, crypto: 1m), RiskBook.Opening(25000m)));
    }
}
