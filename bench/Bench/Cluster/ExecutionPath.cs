using System.Diagnostics;
using Polytraders.Contracts;
using Polytraders.Grains;
using Polytraders.Trading.Backtest.Data;

namespace Polytraders.Bench.Cluster;

/// <summary>
/// The execution path's throughput: approved-looking intents handed to <see cref="IRiskGrain.Submit"/> (the entry of
/// the path: risk, then execution, signing, the venue, fills booked onward) by concurrent senders, each keeping one
/// order in flight: it sends the next when the venue has answered its last. The intents carry the launch of a Strategy
/// really running on the Portfolio (launched through <see cref="IPortfolioGrain.Launch"/>, with thresholds it never
/// reaches, so it sends nothing itself), so every stage meets them as it meets a Strategy's. An order is complete when
/// the venue has answered it and its fill is booked in the Portfolio (read through <see cref="IPortfolioGrain.GetState"/>).
/// </summary>
internal static class ExecutionPath
{
    private const decimal Size = 5m;
    private const decimal Limit = 0.50m;
    private const string StrategyId = "momentum-bench-exec";

    /// <summary>
    /// The Portfolio's limits at the schema's maximum order rate. Risk refills its order-rate bucket in event time (an
    /// intent's created_at, or the clock when later), so intents are stamped 100 ms apart: exactly 600 a minute, the
    /// schema's maximum, however fast they are sent. Every other limit is far above what the run can reach.
    /// </summary>
    private static readonly TimeSpan StampStep = TimeSpan.FromMinutes(1) / 600;

    public static async Task<ExecutionResult> RunAsync(IGrainFactory grains, LatencyVenue venue, ClusterBenchOptions options, string profile, TextWriter progress)
    {
        var (market, portfolio, launchId, origin) = await SeedAsync(grains);
        var context = new AuditContext(portfolio.TenantId, portfolio.PortfolioId, StrategyId, launchId, AuditEnvelopeMode.Paper, portfolio.BuilderCode);
        var risk = grains.GetGrain<IRiskGrain>(portfolio.PortfolioId);
        var signal = SignalOf(market, origin);

        var next = -1;
        var sent = 0;
        var cpu = CpuMeter.Start();
        var startedAt = Stopwatch.GetTimestamp();
        var sendUntil = options.BudgetSeconds is { } budget ? startedAt + (budget * Stopwatch.Frequency) : long.MaxValue;
        using var sending = new CancellationTokenSource();
        var reporting = ReportProgressAsync(venue, profile, progress, sending.Token);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, options.Callers).Select(async _ =>
            {
                while (Stopwatch.GetTimestamp() < sendUntil)
                {
                    var i = Interlocked.Increment(ref next);
                    if (i >= options.Orders)
                    {
                        return;
                    }

                    var intent = IntentOf(i, market, context, origin, signal);
                    var answered = venue.Expect(intent.ClientOrderId);
                    await risk.Submit(intent, context);
                    Interlocked.Increment(ref sent);
                    await AnsweredAsync(answered, intent, venue, profile, options);
                }
            }));
        }
        finally
        {
            await sending.CancelAsync();
            await reporting;
        }

        var booked = grains.GetGrain<IPortfolioGrain>(portfolio.PortfolioId);
        await Progress.WaitAsync(
            async () => (long)((await booked.GetState())?.Positions.Sum(p => p.Size) / Size ?? 0m),
            sent,
            TimeSpan.FromMilliseconds(20),
            options.Stall,
            $"{profile}: fills booked in {portfolio.PortfolioId}");
        var elapsed = Stopwatch.GetElapsedTime(startedAt);
        var cores = cpu.Cores();
        progress.WriteLine($"  {profile}: {sent:N0} orders answered and booked in {elapsed.TotalSeconds:N1} s");
        return new ExecutionResult(profile, options.Orders, sent, sent < options.Orders, elapsed, cores, OrderWindows.Of(venue.AnswerTimes, startedAt));
    }

    /// <summary>One market with a price (risk checks a limit against the last trade: its age and band), the Portfolio and its Strategy.</summary>
    private static async Task<(Market Market, PortfolioConfig Portfolio, string LaunchId, DateTimeOffset Origin)> SeedAsync(IGrainFactory grains)
    {
        var market = SyntheticPrices.Markets(1)[0];
        var origin = DateTimeOffset.UtcNow;
        await grains.GetGrain<IMarketGrain>(market.MarketId).Configure(market);
        await grains.GetGrain<IMarketGrain>(market.MarketId).Publish(new PriceUpdate
        {
            MarketId = market.MarketId,
            TokenId = market.Outcomes[0].TokenId,
            Price = Limit,
            Timestamp = origin,
            Sequence = 1,
            Source = PriceUpdateSource.Replay,
        });
        var portfolio = PortfolioOfRun();
        await grains.GetGrain<IPortfolioGrain>(portfolio.PortfolioId).Configure(portfolio);
        var load = SyntheticPrices.LoadLaunch();
        var launch = load with
        {
            StrategyId = StrategyId,
            PortfolioId = portfolio.PortfolioId,
            MarketScope = new MarketScope { Mode = ScopeMode.Manual, MarketIds = [market.MarketId] },
            Parameters = load.Parameters with { EntryThreshold = 1m, ExitThreshold = -1m },
        };
        var launched = await grains.GetGrain<IPortfolioGrain>(portfolio.PortfolioId).Launch(launch, "bench");
        return launched is { Succeeded: true, Id: { } launchId }
            ? (market, portfolio, launchId, origin)
            : throw new BenchFailure($"launching {StrategyId} on {portfolio.PortfolioId}: {launched.ReasonCode} {launched.Detail}");
    }

    /// <summary>
    /// Waits for the venue to answer an order for as long as the venue keeps answering others: a slow path is measured,
    /// however slow; a stuck one (nothing answered for the stall timeout) or a lost order (the others done, this one
    /// never) fails the run.
    /// </summary>
    private static async Task AnsweredAsync(Task answered, OrderIntent intent, LatencyVenue venue, string profile, ClusterBenchOptions options)
    {
        while (!answered.IsCompleted)
        {
            try
            {
                await answered.WaitAsync(options.Stall);
            }
            catch (TimeoutException) when (Stopwatch.GetElapsedTime(venue.LastAnswerAt) > options.Stall)
            {
                throw new BenchFailure($"{profile}: order {intent.ClientOrderId} never reached the venue, which answered nothing for {options.TimeoutSeconds} s ({venue.Answered:N0} answered in all); risk refused it or execution stalled");
            }
            catch (TimeoutException)
            {
                // Others are still being answered: the path is slow, not stuck.
            }
        }
    }

    /// <summary>A line every 15 s while orders are sent, so a long run shows its rate as it goes.</summary>
    private static async Task ReportProgressAsync(LatencyVenue venue, string profile, TextWriter progress, CancellationToken sending)
    {
        using var every = new PeriodicTimer(TimeSpan.FromSeconds(15));
        var (seconds, answered) = (0, 0);
        try
        {
            while (await every.WaitForNextTickAsync(sending))
            {
                seconds += 15;
                var now = venue.Answered;
                progress.WriteLine($"    {profile}: {now:N0} orders answered after {seconds} s ({(now - answered) / 15.0:N1}/s over the last 15 s)");
                answered = now;
            }
        }
        catch (OperationCanceledException)
        {
            // Sending is over.
        }
    }

    /// <summary>A Portfolio id of this run's own, so a PostgreSQL audit store that kept earlier runs' chains starts a new one.</summary>
    private static PortfolioConfig PortfolioOfRun() => SyntheticPrices.LoadPortfolio() with
    {
        PortfolioId = $"PORT-{100_000 + (DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 900_000)}",
        Name = "Bench execution path",
        Bankroll = 1_000_000_000m,
        RiskLimits = new RiskLimits
        {
            MaxOrderNotional = 1_000m,
            MaxPositionPerMarket = 1_000_000_000m,
            MaxGrossExposure = 1_000_000_000m,
            DailyLossLimit = 1_000_000_000m,
            MaxOrdersPerMinute = 600,
            MaxPriceAgeSeconds = 86_400,
            PriceBand = 0.5m,
        },
    };

    private static OrderIntent IntentOf(int i, Market market, AuditContext context, DateTimeOffset origin, Signal signal) => new()
    {
        PortfolioId = context.PortfolioId,
        StrategyId = StrategyId,
        LaunchId = context.LaunchId!,
        MarketId = market.MarketId,
        TokenId = market.Outcomes[0].TokenId,
        Side = Side.Buy,
        Size = Size,
        LimitPrice = Limit,
        TimeInForce = TimeInForce.Fak,
        ClientOrderId = $"bench-exec-{i:D7}",
        CreatedAt = origin + (StampStep * i),
        ReasonCode = ReasonCodes.StratMomentumLong,
        Signal = signal,
    };

    /// <summary>The signal a momentum entry carries (as in fixtures/good/OrderIntent/momentum_long_buy_btc_120k.json).</summary>
    private static Signal SignalOf(Market market, DateTimeOffset at) => new()
    {
        StrategyScore = 0.62m,
        ScoreType = ScoreType.Momentum,
        MarketId = market.MarketId,
        TokenId = market.Outcomes[0].TokenId,
        AsOf = at,
        Inputs =
        [
            new SignalInput { Name = "fast_ewma", Value = 0.4931m },
            new SignalInput { Name = "slow_ewma", Value = 0.4618m },
            new SignalInput { Name = "last_price", Value = 0.5m },
            new SignalInput { Name = "spread", Value = 0.01m },
        ],
        ReasonCodes = [],
    };
}
