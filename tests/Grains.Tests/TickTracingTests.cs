using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using Polytraders.Contracts;
using Polytraders.Gateway.Telemetry;
using Polytraders.Grains.Replay;
using Polytraders.Grains.Telemetry;
using Polytraders.Trading.Replay;

namespace Polytraders.Grains.Tests;

/// <summary>A Strategy's decision and the audit append of its envelopes are one trace; every publish is traced.</summary>
public sealed class TickTracingTests : IAsyncLifetime
{
    private readonly string _keys = Directory.CreateTempSubdirectory("polytraders-keys-").FullName;
    private readonly ConcurrentBag<Activity> _spans = [];
    private readonly ActivityListener _listener;
    private InProcessTestCluster _cluster = null!;

    public TickTracingTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GrainTracing.SourceName || source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == GrainTracing.SourceName)
                {
                    _spans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().Build();
        _cluster = await EmbeddedCluster.DeployAsync(_keys, silo => silo.AddPolytradersTelemetry(configuration));
        var replay = await ReplayData.LoadAsync(Path.Combine(AppContext.BaseDirectory, "replay"), DateTimeOffset.UtcNow, CancellationToken.None);
        await ReplaySeeder.SeedAsync(_cluster.Client, replay);
    }

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        await _cluster.DisposeAsync();
        Directory.Delete(_keys, recursive: true);
    }

    [Fact]
    public async Task a_signal_s_audit_append_is_in_the_trace_of_the_decision_that_caused_it()
    {
        var grains = _cluster.Client;
        var launch = SpineLaunches.Momentum("momentum-traced-1", "PORT-001", new MarketScope { Mode = ScopeMode.Manual, MarketIds = ["0x5acadb52ea02aa987de72018ef523d80d5c17cca826575ffd570f50902ab33ae"] }) with
        {
            Parameters = new MomentumParameters { FastLookback = 3, SlowLookback = 6, EntryThreshold = 0.3m, ExitThreshold = -0.1m, TakeProfit = 0.05m, MaxHoldingMinutes = 240, OrderSize = 50m },
        };
        var launched = await grains.GetGrain<IPortfolioGrain>("PORT-001").Launch(launch, "alice");
        Assert.True(launched.Succeeded, launched.Detail);
        var market = (await grains.GetGrain<IMarketGrain>(launch.MarketScope.MarketIds![0]).GetState())!.Market;

        // Flat, then a climb: the score crosses into its entry zone and a Signal is appended.
        var start = DateTimeOffset.UtcNow;
        var prices = Enumerable.Repeat(0.40m, 8).Concat([0.42m, 0.45m, 0.49m, 0.54m, 0.60m, 0.66m]).ToList();
        for (var i = 0; i < prices.Count; i++)
        {
            await grains.GetGrain<IMarketGrain>(market.MarketId).Publish(new PriceUpdate
            {
                MarketId = market.MarketId,
                TokenId = market.Outcomes[0].TokenId,
                Price = prices[i],
                Timestamp = start.AddMinutes(i),
                Sequence = start.Ticks + i,
                Source = PriceUpdateSource.Replay,
            });
        }

        await AuditTrailProbe.WaitForAsync(grains, new AuditQuery { PortfolioId = "PORT-001" }, t => t.Any(e => e.ReasonCode == ReasonCodes.StratSignal));
        var published = _spans.Where(s => s.OperationName == "market.publish").ToList();
        var decided = _spans.Where(s => s.OperationName == "strategy.decide").ToList();
        var appended = _spans.Where(s => s.OperationName == "audit.append").ToList();

        Assert.True(published.Count >= prices.Count, $"{published.Count} publish spans for {prices.Count} prices");
        Assert.NotEmpty(decided);
        Assert.Contains(appended, a => decided.Any(d => d.TraceId == a.TraceId && d.SpanId != a.SpanId));
    }
}
