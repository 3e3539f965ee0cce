using Polytraders.Contracts;
using Polytraders.Core.Tests.Momentum;
using Polytraders.Trading;
using Polytraders.Trading.Momentum;
using Polytraders.Trading.Risk;

namespace Polytraders.Core.Tests.Risk;

/// <summary>
/// One generated step of a risk scenario, all integers so generation needs no doubles: what to do, in which market,
/// at what size and price, how much time passes first, and how the venue answers.
/// </summary>
public sealed record RiskOp(int Kind, int Market, int Side, int Size, int Price, int Offset, int Advance, int Fill);

/// <summary>What one step saw and decided, for the properties to check.</summary>
public sealed record RiskStep(
    RiskDecision? Decision,
    LastTrade? LastTrade,
    DateTimeOffset Now,
    TradingState StateBefore,
    bool KillSwitchBefore,
    decimal LossBefore,
    decimal GrossBefore,
    decimal GrossAfter,
    IReadOnlyList<string> BrokenBookLimits);

/// <summary>
/// Drives a <see cref="RiskEngine"/> through generated steps: intents of every shape (off-tick, off-band, stale,
/// oversized, sells of more than is held), fills in full or in part, releases, operator state changes and the kill
/// switch. The venue fills at the approved limit.
/// </summary>
public static class RiskScenario
{
    public static readonly RiskLimits Limits = new()
    {
        MaxOrderNotional = 30m,
        MaxPositionPerMarket = 60m,
        MaxGrossExposure = 120m,
        DailyLossLimit = 5m,
        MaxOrdersPerMinute = 20,
        MaxPriceAgeSeconds = 60,
        PriceBand = 0.10m,
    };

    public static readonly ClusterCap CryptoCap = new() { ClusterId = "crypto", MaxExposure = 80m };

    public const decimal OpeningBalance = 150m;

    private static readonly Market[] Markets = [TestMarkets.Btc, TestMarkets.Eth, TestMarkets.Election];

    public static List<RiskStep> Run(IReadOnlyList<RiskOp> ops, DecisionLog? log = null)
    {
        var engine = new RiskEngine(Limits, [CryptoCap], RiskBook.Opening(OpeningBalance));
        var now = new DateTimeOffset(2026, 3, 2, 23, 50, 0, TimeSpan.Zero); // crosses a UTC day boundary
        var held = new Queue<OrderIntent>();
        var steps = new List<RiskStep>();
        var sequence = 0;
        foreach (var op in ops)
        {
            now = now.AddSeconds(op.Advance);
            var market = Markets[op.Market % Markets.Length];
            var (stateBefore, killBefore, grossBefore) = (engine.Book.TradingState, engine.Book.KillSwitch, engine.Book.GrossExposure());
            var lossBefore = engine.Book.PnlDay == DateOnly.FromDateTime(now.UtcDateTime) ? -engine.Book.RealisedPnlToday : 0m; // a new UTC day starts at zero
            RiskDecision? decision = null;
            LastTrade? lastTrade = null;
            switch (op.Kind)
            {
                case < 12:
                    var last = op.Price / 100m;
                    lastTrade = op.Offset == 0 ? null : new LastTrade(last, now.AddSeconds(-op.Fill * 8));
                    var intent = RiskFixture.Intent(market, op.Side == 0 ? Side.Buy : Side.Sell, SizeOf(op, engine, market), LimitOf(op, last), now) with
                    {
                        ClientOrderId = $"scenario-{++sequence:D5}",
                    };
                    decision = engine.Evaluate(intent, market, lastTrade, now);
                    log?.Add(decision);
                    if (decision.Final is { } final)
                    {
                        Answer(engine, market, final, op.Fill, now, held, log);
                    }

                    break;
                case < 14 when held.Count > 0:
                    engine.ReleaseOrder(held.Dequeue().ClientOrderId);
                    break;
                case 14:
                    Note(engine.SetTradingState((TradingState)(op.Side % 3), "operator"), now, log);
                    break;
                case 15:
                    Note(engine.SetKillSwitch(!engine.Book.KillSwitch, "operator"), now, log);
                    break;
            }

            steps.Add(new RiskStep(decision, lastTrade, now, stateBefore, killBefore, lossBefore, grossBefore, engine.Book.GrossExposure(), BrokenBookLimits(engine.Book)));
        }

        return steps;
    }

    /// <summary>Quarter-token sizes, and now and then exactly what is held, so sells both fit and overreach.</summary>
    private static decimal SizeOf(RiskOp op, RiskEngine engine, Market market) =>
        op.Side == 1 && op.Size % 3 == 0 && engine.Book.Positions.TryGetValue(market.YesToken(), out var position)
            ? position.Size
            : op.Size / 4m;

    /// <summary>Near the last trade, sometimes beyond the band, sometimes between ticks, always inside (0,1).</summary>
    private static decimal LimitOf(RiskOp op, decimal last)
    {
        var limit = last + (op.Offset / 100m) + (op.Kind == 0 ? 0.005m : 0m);
        return Math.Clamp(limit, 0.005m, 0.995m);
    }

    /// <summary>Fill in full (most often), fill half and cancel the rest, or leave the order open for a later release.</summary>
    private static void Answer(RiskEngine engine, Market market, OrderIntent final, int fill, DateTimeOffset now, Queue<OrderIntent> held, DecisionLog? log)
    {
        if (fill < 6)
        {
            Note(engine.ApplyFill(RiskFixture.FillOf(final, at: now), market, now), now, log);
        }
        else if (fill < 8)
        {
            Note(engine.ApplyFill(RiskFixture.FillOf(final, size: OrderGrid.FloorSize(final.Size / 2m), at: now), market, now), now, log);
            engine.ReleaseOrder(final.ClientOrderId);
        }
        else
        {
            held.Enqueue(final);
        }
    }

    private static void Note(TradingStateTransition? transition, DateTimeOffset now, DecisionLog? log)
    {
        if (transition is not null)
        {
            log?.Add(transition, now);
        }
    }

    private static List<string> BrokenBookLimits(RiskBook book)
    {
        var broken = new List<string>();
        if (book.GrossExposure() > Limits.MaxGrossExposure)
        {
            broken.Add($"gross {book.GrossExposure()}");
        }

        foreach (var market in Markets)
        {
            if (book.MarketExposure(market.MarketId) > Limits.MaxPositionPerMarket)
            {
                broken.Add($"market {market.MarketId} {book.MarketExposure(market.MarketId)}");
            }

            if (book.Sellable(market.YesToken()) < 0m)
            {
                broken.Add($"oversold {market.YesToken()}");
            }
        }

        if (book.ClusterExposure(CryptoCap.ClusterId) > CryptoCap.MaxExposure)
        {
            broken.Add($"cluster {book.ClusterExposure(CryptoCap.ClusterId)}");
        }

        if (book.AvailableBalance() < 0m)
        {
            broken.Add($"balance {book.AvailableBalance()}");
        }

        return broken;
    }
}
