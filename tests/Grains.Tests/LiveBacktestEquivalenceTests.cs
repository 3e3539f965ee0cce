using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;
using Polytraders.Contracts;
using Polytraders.Grains.Audit;
using Polytraders.Grains.Execution;
using Polytraders.Grains.Portfolios;
using Polytraders.Grains.Risk;
using Polytraders.Grains.Strategies;
using Polytraders.Silo;
using Polytraders.Trading.Backtest;
using Polytraders.Trading.Backtest.Data;
using Polytraders.Trading.Momentum;
using Polytraders.Trading.Risk;
using Polytraders.Trading.Scope;
using Xunit.Abstractions;

namespace Polytraders.Grains.Tests;

/// <summary>
/// The same prices through the live path (an in-process cluster configured by <see cref="EmbeddedSilo.Configure"/>:
/// market grains and streams, strategy, risk and execution grains, paper venue) and through the Backtest runner give
/// the same ordered Signals, intents and risk decisions. The live path is asynchronous, so the prices are published one
/// at a time and each waits until the flow has settled: the Strategy has processed the price and every message it led
/// to (risk, execution, fills back to risk and the Strategy) has arrived and finished, counted by grain call filters.
/// Prices lie in the future, so every decision is taken at its own time, never the wall clock; the runner fills at the
/// decision price, as the paper venue does. The tape ends with a market resolving: both leave it out of scope alike.
/// </summary>
public sealed class LiveBacktestEquivalenceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string PortfolioId = "PORT-777";
    private static readonly string[] MarketIds =
    [
        "0x5acadb52ea02aa987de72018ef523d80d5c17cca826575ffd570f50902ab33ae",
        "0x955c321b6411bb6380997c90040e7153f1aad0062b8bcc75ad2dbc97f88d49a1",
    ];

    private readonly string _keystoreDirectory = Directory.CreateTempSubdirectory("polytraders-keys-").FullName;
    private readonly FlowTracker _flow = new();
    private InProcessTestCluster _cluster = null!;

    private IGrainFactory Grains => _cluster.Client;

    public async Task InitializeAsync()
    {
        _cluster = await EmbeddedCluster.DeployAsync(_keystoreDirectory, silo =>
        {
            silo.AddIncomingGrainCallFilter(_flow);
            silo.AddOutgoingGrainCallFilter(_flow);

            // Only how soon a published price is picked up; what is delivered and in which order is unchanged.
            silo.Services.Configure<StreamPullingAgentOptions>(StreamNames.Provider, o => o.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(2));
        });
    }

    public async Task DisposeAsync()
    {
        _flow.Dispose();
        await _cluster.DisposeAsync();
        Directory.Delete(_keystoreDirectory, recursive: true);
    }

    [Fact]
    public async Task the_live_path_and_the_backtest_runner_decide_the_same_on_the_same_prices()
    {
        var data = BacktestDataSet.Open(DataRoot(), "sample");
        var portfolio = ContractJson.Deserialize<List<PortfolioConfig>>(File.ReadAllText(Path.Combine(TestRepo.Root(), "fixtures", "replay", "portfolios.json")))[0] with { PortfolioId = PortfolioId };
        var launch = new StrategyLaunch
        {
            StrategyId = "momentum-equivalence-1",
            Family = StrategyLaunchFamily.Momentum,
            Version = "1.0.0",
            Parameters = new MomentumParameters { FastLookback = 6, SlowLookback = 24, EntryThreshold = 0.35m, ExitThreshold = -0.1m, TakeProfit = 0.05m, MaxHoldingMinutes = 240, OrderSize = 600m },
            MarketScope = new MarketScope { Mode = ScopeMode.Manual, MarketIds = [.. MarketIds] },
            PortfolioId = PortfolioId,
            Mode = LaunchMode.Paper,
            DomainPack = StrategyLaunchDomainPack.Crypto,
        };
        var points = Prices(data, new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(2));

        // Live: configure, launch, publish one price at a time and let each settle.
        foreach (var market in data.Markets.Where(m => MarketIds.Contains(m.MarketId)))
        {
            await Grains.GetGrain<IMarketGrain>(market.MarketId).Configure(market);
        }

        await Grains.GetGrain<IPortfolioGrain>(PortfolioId).Configure(portfolio);
        var launched = await Grains.GetGrain<IPortfolioGrain>(PortfolioId).Launch(launch, "alice");
        Assert.True(launched.Succeeded, launched.Detail);
        await _flow.QuietAsync();
        var baseline = _flow.Imbalance;
        var sequences = new Dictionary<string, long>();
        var delivered = 0L;
        foreach (var point in points)
        {
            var market = data.Markets[point.Market];
            var sequence = sequences[market.MarketId] = sequences.GetValueOrDefault(market.MarketId) + 1;
            var deliveredBefore = _flow.Deliveries;
            await Grains.GetGrain<IMarketGrain>(market.MarketId).Publish(new PriceUpdate
            {
                MarketId = market.MarketId,
                TokenId = market.Outcomes[point.Outcome].TokenId,
                Price = point.Price,
                Timestamp = point.Timestamp,
                Sequence = sequence,
                Source = PriceUpdateSource.Replay,
            });
            delivered = deliveredBefore + 1;
            await _flow.SettledAsync(delivered, baseline);
        }

        // The second market resolves after the last price (a resolution is one more update on its stream).
        var resolvedAt = points[^1].Timestamp.AddMinutes(1);
        await Grains.GetGrain<IMarketGrain>(MarketIds[1]).Resolve("Yes");
        await _flow.SettledAsync(delivered + 1, baseline);

        var trail = await AuditTrailProbe.ReadAllAsync(Grains, new AuditQuery { PortfolioId = PortfolioId });
        var live = trail.Select(LineOf).OfType<string>().ToList();

        // Backtest: the same prices, plan and launch id, filled at the decision price as the paper venue fills.
        var resolution = new BacktestMarketEvent { At = resolvedAt, Kind = BacktestMarketEventKind.Resolved, MarketId = MarketIds[1], Outcome = "Yes" };
        var plan = BacktestPlan.Create(launch, portfolio, data.Markets, data.Clusters, [resolution], points[0].Timestamp, resolvedAt);
        var journal = new DecisionLines();
        var settings = new BacktestSettings { BacktestId = "BT-equivalence", LaunchId = launched.Id!, FillTiming = BacktestFillModelTiming.DecisionPrice };
        var results = Backtests.Run(plan, _ => [new ListSource(points)], settings, journal, null, CancellationToken.None, out _);

        output.WriteLine($"{points.Count} prices; live {live.Count} decision lines, backtest {journal.Lines.Count}; intents {results.Intents}, fills {results.Fills}");
        var differences = DecisionLog.FirstDifferences(journal.Lines, live);
        Assert.True(differences.Count == 0, "live (actual) differs from the backtest (expected):\n" + string.Join("\n", differences));
        Assert.True(results.Intents >= 10, $"the tape should trade: {results.Intents} intents");
        Assert.Contains(journal.Lines, l => l.StartsWith("RISK|", StringComparison.Ordinal) && l.Contains("|Reshaped|", StringComparison.Ordinal));
        Assert.True(results.Fills >= 10);
        Assert.Contains($"SCOPE|{MarketIds[1]}|{ReasonCodes.StratMarketOutOfScope}|{AuditPayloadCause.Resolution}", live);
    }

    /// <summary>
    /// The decision lines an envelope stands for: scope changes with their cause, Signals and intents as DecisionLog
    /// writes them, risk decisions without the binding limit (not audited), positions left stranded.
    /// </summary>
    private static string? LineOf(AuditEnvelope envelope) => envelope.Payload.Kind switch
    {
        AuditPayloadKind.Scope => ScopeLine(envelope.Payload.MarketId!, envelope.ReasonCode, envelope.Payload.Cause),
        AuditPayloadKind.Governance when envelope.ReasonCode is ReasonCodes.StratMarketResolved or ReasonCodes.StratMarketOutOfScope =>
            StrandedLine(envelope.Payload.MarketId!, envelope.ReasonCode),
        AuditPayloadKind.Signal => DecisionLog.SignalLine(envelope.Payload.Signal!),
        AuditPayloadKind.Intent => DecisionLog.IntentLine(envelope.Payload.Intent!),
        AuditPayloadKind.RiskApproved => RiskLine(envelope.Payload.Intent!.ClientOrderId, RiskOutcome.Approved, envelope.ReasonCode, envelope.Payload.Intent),
        AuditPayloadKind.RiskReshaped => RiskLine(envelope.Payload.Intent!.ClientOrderId, RiskOutcome.Reshaped, envelope.ReasonCode, envelope.Payload.ReshapedIntent),
        AuditPayloadKind.RiskRejected => RiskLine(envelope.Payload.Intent!.ClientOrderId, RiskOutcome.Rejected, envelope.ReasonCode, null),
        _ => null,
    };

    private static string ScopeLine(string marketId, string reasonCode, AuditPayloadCause? cause) => string.Join('|', "SCOPE", marketId, reasonCode, cause);

    private static string StrandedLine(string marketId, string reasonCode) => string.Join('|', "STRANDED", marketId, reasonCode);

    private static string RiskLine(string clientOrderId, RiskOutcome outcome, string reasonCode, OrderIntent? final) =>
        string.Join('|', "RISK", clientOrderId, outcome, reasonCode, final is null ? "-" : Number(final.Size), final is null ? "-" : Number(final.LimitPrice));

    private static string Number(decimal value) => value.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The sample's prices of the two markets over <paramref name="length"/>, moved whole days into the future (so the decision time is the price's time).</summary>
    private static List<BacktestPoint> Prices(BacktestDataSet data, DateTimeOffset from, TimeSpan length)
    {
        var shift = DateTime.UtcNow.Date.AddDays(3) - from.UtcDateTime;
        var indexes = MarketIds.Select(data.IndexOf).ToHashSet();
        var points = new List<BacktestPoint>();
        using var merge = new PriceMerge(data.OpenSources(new BacktestDataWarnings()));
        while (merge.MoveNext())
        {
            var point = merge.Current;
            if (indexes.Contains(point.Market) && point.Timestamp >= from && point.Timestamp <= from + length)
            {
                points.Add(point with { UtcTicks = point.UtcTicks + shift.Ticks });
            }
        }

        return points;
    }

    private static string DataRoot() => Path.Combine(TestRepo.Root(), "fixtures", "backtest");

    private sealed class ListSource(IReadOnlyList<BacktestPoint> points) : IPriceSource
    {
        private int _index = -1;

        public string Name => "equivalence";

        public BacktestPoint Current => points[_index];

        public bool MoveNext() => ++_index < points.Count;

        public void Dispose()
        {
        }
    }

    /// <summary>The runner's Signals, intents and risk decisions in the lines <see cref="LineOf"/> makes of envelopes.</summary>
    private sealed class DecisionLines : IBacktestJournal
    {
        public List<string> Lines { get; } = [];

        public void Signal(Signal signal) => Lines.Add(DecisionLog.SignalLine(signal));

        public void Intent(OrderIntent intent) => Lines.Add(DecisionLog.IntentLine(intent));

        public void Risk(RiskDecision decision, DateTimeOffset at) => Lines.Add(RiskLine(decision.Original.ClientOrderId, decision.Outcome, decision.ReasonCode, decision.Final));

        public void Scope(ScopeChange change, DateTimeOffset at) => Lines.Add(ScopeLine(change.MarketId, change.ReasonCode, change.Cause));

        public void Filled(Fill fill)
        {
        }

        public void Unfilled(OrderIntent order, string detail, DateTimeOffset at)
        {
        }

        public void Stranded(MomentumPosition position, string reasonCode, DateTimeOffset at) => Lines.Add(StrandedLine(position.MarketId, reasonCode));

        public void Settled(Market market, string tokenId, decimal size, decimal payout, DateTimeOffset at)
        {
        }

        public void Transition(TradingStateTransition transition, DateTimeOffset at)
        {
        }
    }
}
