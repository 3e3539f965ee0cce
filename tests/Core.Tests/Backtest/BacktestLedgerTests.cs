using Polytraders.Contracts;
using Polytraders.Trading.Backtest;
using Polytraders.Trading.Backtest.Data;
using Polytraders.Trading.Risk;

namespace Polytraders.Core.Tests.Backtest;

public class BacktestLedgerTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly List<Market> Markets = SyntheticPrices.Markets(2);

    [Fact]
    public void drawdown_is_taken_on_the_equity_of_a_time_once_all_its_prices_are_in()
    {
        var (ledger, book) = HoldingBothMarkets();
        var peak = ledger.Equity;

        // At one time market 0 falls and market 1 rises as much: the Portfolio never lost anything.
        ledger.Observe(0, 0.40m);
        ledger.Observe(1, 0.60m);
        ledger.MarkTime();
        Assert.Equal(0m, ledger.MaxDrawdownPusd);
        Assert.Equal(peak, ledger.Equity);

        // At the next time both fall: 100 × 0.05 + 100 × 0.05 below the peak.
        ledger.Observe(0, 0.35m);
        ledger.Observe(1, 0.55m);
        ledger.MarkTime();
        Assert.Equal(10m, ledger.MaxDrawdownPusd);
        Assert.Equal(10m / peak, ledger.MaxDrawdown);
        Assert.Equal(1000m - 50m - 50m, book.Balance);
    }

    [Fact]
    public void a_later_time_is_marked_even_when_nothing_is_asked()
    {
        var (ledger, _) = HoldingBothMarkets();

        ledger.Observe(0, 0.30m);
        ledger.Advance(Start.AddDays(1).UtcTicks);

        Assert.Equal(20m, ledger.MaxDrawdownPusd);
    }

    /// <summary>100 shares of each market's first token bought at 0.50, no fees, from a 1 000 pUSD bankroll.</summary>
    private static (BacktestLedger Ledger, RiskBook Book) HoldingBothMarkets()
    {
        var book = RiskBook.Opening(1000m);
        var ledger = new BacktestLedger(book, Markets, 0, Start, Start.AddDays(2), equityPoints: 10, maxTrades: 10);
        for (var market = 0; market < Markets.Count; market++)
        {
            ledger.Observe(market, 0.50m);
            var fill = new Fill
            {
                FillId = $"fill-{market}",
                ClientOrderId = $"order-{market}",
                PortfolioId = "PORT-1",
                MarketId = Markets[market].MarketId,
                TokenId = Markets[market].Outcomes[0].TokenId,
                Side = Side.Buy,
                Size = 100m,
                Price = 0.50m,
                Fee = 0m,
                FilledAt = Start,
                Venue = FillVenue.Backtest,
                Status = FillStatus.Confirmed,
            };
            book.Balance -= 50m;
            ledger.OnFill(market, fill);
        }

        ledger.MarkTime();
        return (ledger, book);
    }
}
