using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;
using Polytraders.Contracts;
using Polytraders.Grains.Replay;
using Polytraders.Trading.Replay;
using Polytraders.Trading.Venues;

namespace Polytraders.Grains.Tests;

/// <summary>
/// A shadow run decides on the prices, passes risk, has its orders built and signed, and never reaches the venue: a
/// venue that counts what it is sent sees nothing, and the trail holds no fill.
/// </summary>
public sealed class ShadowModeTests : IAsyncLifetime
{
    private readonly string _keys = Directory.CreateTempSubdirectory("polytraders-keys-").FullName;
    private readonly CountingVenue _venue = new(new PaperVenue(TimeProvider.System, Options.Create(new PaperVenueOptions())));
    private readonly FlowTracker _flow = new();
    private InProcessTestCluster _cluster = null!;
    private ReplayData _replay = null!;

    private IGrainFactory Grains => _cluster.Client;

    public async Task InitializeAsync()
    {
        _cluster = await EmbeddedCluster.DeployAsync(_keys, silo =>
        {
            silo.Services.AddSingleton<IVenue>(_venue);
            silo.AddIncomingGrainCallFilter(_flow);
            silo.AddOutgoingGrainCallFilter(_flow);
        });
        _replay = await ReplayData.LoadAsync(Path.Combine(AppContext.BaseDirectory, "replay"), DateTimeOffset.UtcNow, CancellationToken.None);
        await ReplaySeeder.SeedAsync(Grains, _replay);
    }

    public async Task DisposeAsync()
    {
        _flow.Dispose();
        await _cluster.DisposeAsync();
        Directory.Delete(_keys, recursive: true);
    }

    [Fact]
    public async Task a_shadow_run_signs_its_orders_and_submits_none_of_them()
    {
        var portfolio = Grains.GetGrain<IPortfolioGrain>("PORT-001");
        var launch = SpineLaunches.Momentum("momentum-shadow-1", "PORT-001", new MarketScope { Mode = ScopeMode.Cluster, ClusterId = "crypto" }) with { Mode = LaunchMode.Shadow };

        var refused = await portfolio.Launch(launch, "alice");
        Assert.Equal(ReasonCodes.GovLaunchAboveRung, refused.ReasonCode);
        Assert.Contains("demo_walkthrough", refused.Detail, StringComparison.Ordinal);

        var tenant = (await portfolio.GetState())!.Config.TenantId;
        var ladder = Grains.GetGrain<IModeLadderGrain>(IModeLadderGrain.Key(tenant, BotClass.Momentum));
        Assert.True((await ladder.Attest(new GateAttestation { ItemId = "demo_walkthrough", Evidence = "README walk-through on the embedded silo" }, "carol")).Succeeded);
        var promoted = await ladder.Promote(ModeRung.DemoWired, "carol");
        Assert.True(promoted.Succeeded, promoted.Detail);

        var launched = await portfolio.Launch(launch, "alice");
        Assert.True(launched.Succeeded, launched.Detail);
        await ReplayDriver.ReplayAllPricesAsync(Grains, _replay, _flow);

        var trail = await AuditTrailProbe.WaitForAsync(Grains, new AuditQuery { PortfolioId = "PORT-001" }, t => t.Count(e => e.ReasonCode == ReasonCodes.ExecShadowOrderSigned) >= 2);
        Assert.All(trail, e => Assert.Equal(AuditEnvelopeMode.Shadow, e.Mode));
        Assert.Contains(trail, e => e.Payload.Kind == AuditPayloadKind.RiskApproved);
        Assert.All(trail.Where(e => e.ReasonCode == ReasonCodes.ExecShadowOrderSigned), e => Assert.False(string.IsNullOrEmpty(e.Payload.Order?.Signature)));
        Assert.DoesNotContain(trail, e => e.Payload.Kind == AuditPayloadKind.Fill || e.ReasonCode is ReasonCodes.ExecOrderSubmitted or ReasonCodes.ExecOrderSigned);
        Assert.Equal(0, _venue.Submissions);
        Assert.Empty((await portfolio.GetState())!.Positions);
        Assert.True((await Grains.GetGrain<IAuditTrailGrain>("PORT-001").Verify()).Valid);
    }

    /// <summary>The paper venue, counting every order that reaches it.</summary>
    private sealed class CountingVenue(IVenue inner) : IVenue
    {
        private int _submissions;

        public int Submissions => Volatile.Read(ref _submissions);

        public string Name => inner.Name;

        public Task<VenueAnswer> SubmitAsync(Order order, OrderIntent intent, MarketState market, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _submissions);
            return inner.SubmitAsync(order, intent, market, cancellationToken);
        }
    }
}
