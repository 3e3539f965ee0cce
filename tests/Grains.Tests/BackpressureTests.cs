using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Polytraders.Contracts;
using Polytraders.Grains.Execution;
using Polytraders.Grains.Replay;
using Polytraders.TestVenues;
using Polytraders.Trading.Replay;
using Polytraders.Trading.Venues;

namespace Polytraders.Grains.Tests;

/// <summary>
/// Backpressure is explicit: behind a venue that does not answer, risk refuses with RISK_EXECUTION_SATURATED once a
/// Portfolio has its most orders in flight, and once execution refused an order as EXEC_SATURATED; nothing queues.
/// When the venue answers again, the same Portfolios trade again.
/// </summary>
public sealed class BackpressureTests : IAsyncLifetime
{
    private const int PerPortfolio = 2;
    private const int AcrossPortfolios = 3;

    private readonly string _keys = Directory.CreateTempSubdirectory("polytraders-keys-").FullName;
    private readonly GatedVenue _venue = new();
    private InProcessTestCluster _cluster = null!;
    private ReplayData _replay = null!;

    private IGrainFactory Grains => _cluster.Client;

    public async Task InitializeAsync()
    {
        _cluster = await EmbeddedCluster.DeployAsync(_keys, silo =>
        {
            silo.Services.AddSingleton<IVenue>(_venue);
            silo.Services.Configure<ExecutionOptions>(o =>
            {
                o.MaxOrdersInFlight = AcrossPortfolios;
                o.MaxOrdersInFlightPerPortfolio = PerPortfolio;
                o.SaturationPause = TimeSpan.FromMinutes(10);
            });
        });
        _replay = await ReplayData.LoadAsync(Path.Combine(AppContext.BaseDirectory, "replay"), DateTimeOffset.UtcNow, CancellationToken.None);
        await ReplaySeeder.SeedAsync(Grains, _replay);
    }

    public async Task DisposeAsync()
    {
        _venue.Open();
        await _cluster.DisposeAsync();
        Directory.Delete(_keys, recursive: true);
    }

    [Fact]
    public async Task a_venue_that_stops_answering_makes_risk_refuse_instead_of_queueing()
    {
        var (a, b) = (_replay.Portfolios[0].PortfolioId, _replay.Portfolios[1].PortfolioId);

        // Portfolio A: two orders reach the venue and hang there; its third intent is refused by risk itself.
        var a1 = await SubmitAsync(a, 1);
        var a2 = await SubmitAsync(a, 2);
        await _venue.ReceivedAsync(2);
        var a3 = await SubmitAsync(a, 3);
        Assert.Equal(ReasonCodes.RiskExecutionSaturated, await OutcomeAsync(a3));

        // Portfolio B has room of its own, but execution has one slot left: its first order takes it, its second is
        // refused by execution, and from then on risk refuses B's intents without asking.
        var b1 = await SubmitAsync(b, 1);
        await _venue.ReceivedAsync(3);
        var b2 = await SubmitAsync(b, 2);
        Assert.Equal(ReasonCodes.ExecSaturated, await OutcomeAsync(b2));
        // Once risk has the order grain's answer (an intent may still beat it there and be refused by execution), it
        // refuses B's intents itself.
        for (var n = 3; ; n++)
        {
            var outcome = await OutcomeAsync(await SubmitAsync(b, n));
            if (outcome == ReasonCodes.RiskExecutionSaturated)
            {
                break;
            }

            Assert.Equal(ReasonCodes.ExecSaturated, outcome);
            Assert.True(n < 10, "risk kept asking a saturated execution");
        }

        Assert.Equal(3, _venue.Received);

        // The venue answers: every order it held fills, and A (whose orders are done) trades again.
        _venue.Open();
        foreach (var held in new[] { a1, a2, b1 })
        {
            Assert.Equal(ReasonCodes.ExecOrderFilled, await OutcomeAsync(held));
        }

        // Its orders done, A has room again (an order's release reaches risk just after its fill is in the trail).
        var deadline = DateTime.UtcNow.AddSeconds(30);
        for (var n = 4; ; n++)
        {
            var outcome = await OutcomeAsync(await SubmitAsync(a, n));
            if (outcome == ReasonCodes.ExecOrderFilled)
            {
                break;
            }

            Assert.Equal(ReasonCodes.RiskExecutionSaturated, outcome);
            Assert.True(DateTime.UtcNow < deadline, "Portfolio A never traded again after the venue answered");
            await Task.Delay(50);
        }
    }

    private async Task<OrderIntent> SubmitAsync(string portfolioId, int n)
    {
        var config = (await Grains.GetGrain<IPortfolioGrain>(portfolioId).GetState())!.Config;
        var market = _replay.Markets[n % _replay.Markets.Count];
        var token = market.Outcomes[0].TokenId;
        var now = DateTimeOffset.UtcNow;
        await Grains.GetGrain<IMarketGrain>(market.MarketId).Publish(new PriceUpdate
        {
            MarketId = market.MarketId,
            TokenId = token,
            Price = 0.40m,
            Timestamp = now,
            Sequence = now.Ticks,
            Source = PriceUpdateSource.Replay,
        });
        var context = new AuditContext(config.TenantId, portfolioId, $"momentum-pressure-{portfolioId}", $"LCH-pressure-{portfolioId}", AuditEnvelopeMode.Paper, config.BuilderCode);
        var intent = new OrderIntent
        {
            PortfolioId = portfolioId,
            StrategyId = context.StrategyId!,
            LaunchId = context.LaunchId!,
            MarketId = market.MarketId,
            TokenId = token,
            Side = Side.Buy,
            Size = 10m,
            LimitPrice = 0.40m,
            TimeInForce = TimeInForce.Fak,
            ClientOrderId = $"pressure-{portfolioId}-{n}",
            CreatedAt = now,
            ReasonCode = ReasonCodes.StratMomentumLong,
            Signal = new Signal { StrategyScore = 0.5m, ScoreType = ScoreType.Momentum, MarketId = market.MarketId, TokenId = token, AsOf = now, Inputs = [], ReasonCodes = [] },
        };
        await Grains.GetGrain<IRiskGrain>(portfolioId).Submit(intent, context);
        return intent;
    }

    /// <summary>The intent's last word in the trail: risk's refusal, or execution's outcome once it has one.</summary>
    private async Task<string> OutcomeAsync(OrderIntent intent)
    {
        string[] outcomes = [ReasonCodes.RiskExecutionSaturated, ReasonCodes.ExecSaturated, ReasonCodes.ExecOrderFilled, ReasonCodes.ExecOrderUnfilled];
        var trail = await AuditTrailProbe.WaitForAsync(
            Grains,
            new AuditQuery { PortfolioId = intent.PortfolioId },
            t => t.Any(e => Names(e, intent) && outcomes.Contains(e.ReasonCode)));
        return trail.Last(e => Names(e, intent) && outcomes.Contains(e.ReasonCode)).ReasonCode;
    }

    private static bool Names(AuditEnvelope envelope, OrderIntent intent) =>
        envelope.Payload.Intent?.ClientOrderId == intent.ClientOrderId || envelope.Payload.Fill?.ClientOrderId == intent.ClientOrderId;

    /// <summary>A venue that holds every order until opened, then fills each at its limit.</summary>
    private sealed class GatedVenue : IVenue
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _received;

        public string Name => "gated";

        public int Received => Volatile.Read(ref _received);

        public void Open() => _open.TrySetResult();

        public async Task ReceivedAsync(int count)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (Received < count)
            {
                Assert.True(DateTime.UtcNow < deadline, $"the venue received {Received} of {count} orders");
                await Task.Delay(20);
            }
        }

        public async Task<VenueAnswer> SubmitAsync(Order order, OrderIntent intent, MarketState market, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _received);
            await _open.Task;
            return VenueAnswer.Filled([MatchedFill.Of(intent, $"gated:{intent.ClientOrderId}")]);
        }
    }
}
