using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Polytraders.Contracts;
using Polytraders.Grains;
using Polytraders.Grains.Replay;
using Polytraders.Trading.Audit;
using Polytraders.Trading.Replay;

namespace Polytraders.Gateway.Tests;

/// <summary>
/// The mode ladder through the gateway, on a silo that stands in for a live-ready deployment (durable profile, a key
/// that is not the development key): refusals that name what is missing, two-operator attestation, promotion through
/// every rung, and the automatic demotions of a kill switch and of a broken chain, each on the Tenant's governance chain.
/// </summary>
[Collection(OwnHosts.Name)]
public sealed class ModeLadderEndpointTests(ModeLadderEndpointTests.Host host) : IClassFixture<ModeLadderEndpointTests.Host>
{
    private const string Ladder = "/api/v1/tenants/TEN-DESK/ladders/momentum";

    [Fact]
    public async Task a_class_is_promoted_through_every_rung_by_two_operators_and_a_kill_switch_or_a_broken_chain_demotes_it()
    {
        using var alice = host.AsOperator();
        using var carol = host.As(GatewayHost.CarolKey);
        using var dave = host.As(GatewayHost.DaveKey);
        using var reviewer = host.AsReviewer();

        var ladder = await Http.ReadJsonAsync(await reviewer.GetAsync(Ladder), HttpStatusCode.OK);
        Assert.Equal("docs-complete", (string?)ladder["rung"]);
        Assert.Equal(3, ladder["transitions"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsync($"{Ladder}/attestations", Attestation("demo_walkthrough"))).StatusCode);

        // A live launch above the rung names the rung it needs and what is missing on the way.
        var live = await host.NewPortfolioAsync();
        var refused = await Http.ReadProblemAsync(await alice.PostAsync($"/api/v1/portfolios/{live}/strategies", Http.Json(Launch("momentum-ladder-live", live, "limited_live"))), HttpStatusCode.Conflict);
        Assert.Equal(ReasonCodes.GovLaunchAboveRung, Http.ReasonCode(refused));
        Assert.Contains("rung limited_live", (string?)refused["detail"], StringComparison.Ordinal);
        Assert.Contains("demo_walkthrough", (string?)refused["detail"], StringComparison.Ordinal);
        Assert.Contains("backtest_full_window", (string?)refused["detail"], StringComparison.Ordinal);

        // docs-complete -> demo-wired: one operator.
        var early = await Http.ReadProblemAsync(await alice.PostAsync($"{Ladder}/promotions", Promotion("demo-wired")), HttpStatusCode.Conflict);
        Assert.Equal(ReasonCodes.GovPromotionRefused, Http.ReasonCode(early));
        Assert.Contains("demo_walkthrough", (string?)early["detail"], StringComparison.Ordinal);
        await Http.ReadJsonAsync(await alice.PostAsync($"{Ladder}/attestations", Attestation("demo_walkthrough")), HttpStatusCode.OK);
        Assert.Equal("demo-wired", (string?)(await Http.ReadJsonAsync(await alice.PostAsync($"{Ladder}/promotions", Promotion("demo-wired")), HttpStatusCode.OK))["rung"]);

        // demo-wired -> limited_live: paper decisions on a verified chain, and two different operators.
        await TradePaperAsync(alice);
        foreach (var item in new[] { "backtest_full_window", "risk_limits_reviewed", "live_runbook" })
        {
            await Http.ReadJsonAsync(await carol.PostAsync($"{Ladder}/attestations", Attestation(item)), HttpStatusCode.OK);
        }

        var oneOperator = await Http.ReadProblemAsync(await carol.PostAsync($"{Ladder}/promotions", Promotion("limited_live")), HttpStatusCode.Conflict);
        Assert.Contains("distinct_operators", (string?)oneOperator["detail"], StringComparison.Ordinal);
        var twice = await Http.ReadProblemAsync(await carol.PostAsync($"{Ladder}/attestations", Attestation("live_runbook")), HttpStatusCode.Conflict);
        Assert.Equal(ReasonCodes.GovAttestationRefused, Http.ReasonCode(twice));
        var ready = await Http.ReadJsonAsync(await dave.PostAsync($"{Ladder}/attestations", Attestation("live_runbook")), HttpStatusCode.OK);
        var next = ready["transitions"]![1]!;
        Assert.True((bool)next["ready"]!, next.ToJsonString());
        Assert.Equal(["carol", "dave"], next["attesting_operators"]!.AsArray().Select(o => (string)o!).Order());
        Assert.Contains("verified", (string?)next["items"]!.AsArray().Single(i => (string?)i!["item_id"] == "paper_decisions_audited")!["evidence"], StringComparison.Ordinal);
        Assert.Equal("limited_live", (string?)(await Http.ReadJsonAsync(await dave.PostAsync($"{Ladder}/promotions", Promotion("limited_live")), HttpStatusCode.OK))["rung"]);

        // The rung reached, the launch is no longer refused by the ladder; wide_live still is, naming its own items.
        Assert.Equal(HttpStatusCode.Created, (await alice.PostAsync($"/api/v1/portfolios/{live}/strategies", Http.Json(Launch("momentum-ladder-live", live, "limited_live")))).StatusCode);
        var wide = await host.NewPortfolioAsync();
        var notWide = await Http.ReadProblemAsync(await alice.PostAsync($"/api/v1/portfolios/{wide}/strategies", Http.Json(Launch("momentum-ladder-wide", wide, "wide_live"))), HttpStatusCode.Conflict);
        Assert.Equal(ReasonCodes.GovLaunchAboveRung, Http.ReasonCode(notWide));
        Assert.Contains("conformance_suite", (string?)notWide["detail"], StringComparison.Ordinal);

        // limited_live -> wide_live: two operators again.
        await Http.ReadJsonAsync(await carol.PostAsync($"{Ladder}/attestations", Attestation("limited_live_review")), HttpStatusCode.OK);
        await Http.ReadJsonAsync(await dave.PostAsync($"{Ladder}/attestations", Attestation("conformance_suite")), HttpStatusCode.OK);
        Assert.Equal("wide_live", (string?)(await Http.ReadJsonAsync(await carol.PostAsync($"{Ladder}/promotions", Promotion("wide_live")), HttpStatusCode.OK))["rung"]);
        Assert.Equal(HttpStatusCode.Created, (await alice.PostAsync($"/api/v1/portfolios/{wide}/strategies", Http.Json(Launch("momentum-ladder-wide", wide, "wide_live")))).StatusCode);

        // A kill switch takes the class off the live rungs, by itself and on the record.
        var kill = new JsonObject { ["state"] = "HALTED", ["reason"] = "Kill switch drill on the wide_live Portfolio.", ["kill_switch"] = true };
        Assert.Equal(HttpStatusCode.OK, (await alice.PostAsync($"/api/v1/portfolios/{wide}/trading-state", Http.Json(kill))).StatusCode);
        var demoted = await EventuallyAsync(async () => (string?)(await Http.ReadJsonAsync(await reviewer.GetAsync(Ladder), HttpStatusCode.OK))["rung"], "demo-wired");
        Assert.Equal("demo-wired", demoted);

        var governance = await Http.ReadJsonAsync(await reviewer.GetAsync("/api/v1/audit/verify?tenantId=TEN-DESK"), HttpStatusCode.OK);
        Assert.True((bool)governance["valid"]!, governance.ToJsonString());
        Assert.Equal("GOV-TEN-DESK", (string?)governance["chain_id"]);
        var demotions = await Http.ReadJsonAsync(await reviewer.GetAsync($"/api/v1/audit?reasonCode={ReasonCodes.GovRungDemoted}"), HttpStatusCode.OK);
        var demotion = demotions["items"]!.AsArray().Single()!;
        Assert.Equal(("system", "governance", null), ((string?)demotion["actor"], (string?)demotion["mode"], demotion["portfolio_id"]));
        Assert.Equal("wide_live", (string?)demotion["payload"]!["ladder"]!["target"]);
        var promotions = await Http.ReadJsonAsync(await reviewer.GetAsync($"/api/v1/audit?reasonCode={ReasonCodes.GovRungPromoted}"), HttpStatusCode.OK);
        Assert.Equal(["operator:alice", "operator:dave", "operator:carol"], promotions["items"]!.AsArray().Select(e => (string)e!["actor"]!));
        var refusals = await Http.ReadJsonAsync(await reviewer.GetAsync($"/api/v1/audit?reasonCode={ReasonCodes.GovPromotionRefused}"), HttpStatusCode.OK);
        Assert.Equal(2, refusals["items"]!.AsArray().Count);
        var launchRefusals = await Http.ReadJsonAsync(await reviewer.GetAsync($"/api/v1/audit?reasonCode={ReasonCodes.GovLaunchAboveRung}"), HttpStatusCode.OK);
        Assert.Equal(["limited_live", "wide_live"], launchRefusals["items"]!.AsArray().Select(e => (string)e!["payload"]!["ladder"]!["target"]!));

        // Back to limited_live (a fresh promotion: the demotion cleared what was attested), then a Portfolio chain that
        // fails verification demotes the class again.
        foreach (var (client, item) in new[] { (carol, "backtest_full_window"), (carol, "risk_limits_reviewed"), (dave, "live_runbook") })
        {
            await Http.ReadJsonAsync(await client.PostAsync($"{Ladder}/attestations", Attestation(item)), HttpStatusCode.OK);
        }

        Assert.Equal("limited_live", (string?)(await Http.ReadJsonAsync(await carol.PostAsync($"{Ladder}/promotions", Promotion("limited_live")), HttpStatusCode.OK))["rung"]);
        await BreakChainAsync(live);
        var broken = await Http.ReadJsonAsync(await reviewer.GetAsync($"/api/v1/audit/verify?portfolioId={live}"), HttpStatusCode.OK);
        Assert.False((bool)broken["valid"]!);
        Assert.Equal("demo-wired", await EventuallyAsync(async () => (string?)(await Http.ReadJsonAsync(await reviewer.GetAsync(Ladder), HttpStatusCode.OK))["rung"], "demo-wired"));
        var second = await Http.ReadJsonAsync(await reviewer.GetAsync($"/api/v1/audit?reasonCode={ReasonCodes.GovRungDemoted}"), HttpStatusCode.OK);
        Assert.Contains($"audit chain {live} fails verification", (string?)second["items"]!.AsArray()[^1]!["payload"]!["detail"], StringComparison.Ordinal);
    }

    /// <summary>A link whose hash is not its content's, written past the chain writer straight into the store.</summary>
    private async Task BreakChainAsync(string portfolioId)
    {
        var store = ((InProcessSiloHandle)host.Cluster.Silos[0]).ServiceProvider.GetRequiredService<IAuditStore>();
        var head = await store.GetHeadAsync(portfolioId, CancellationToken.None) ?? throw new InvalidOperationException($"{portfolioId} has no chain.");
        var forged = head with { EnvelopeId = Guid.NewGuid(), Sequence = head.Sequence + 1, PrevHash = head.Hash, Hash = new string('0', 64) };
        await store.AppendAsync(portfolioId, [forged], CancellationToken.None);
    }

    [Fact]
    public async Task an_unknown_class_or_tenant_has_no_ladder()
    {
        using var reviewer = host.AsReviewer();

        var unknown = await Http.ReadProblemAsync(await reviewer.GetAsync("/api/v1/tenants/TEN-DESK/ladders/arbitrage"), HttpStatusCode.NotFound);
        Assert.Equal(ReasonCodes.GovNotFound, Http.ReasonCode(unknown));
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync("/api/v1/tenants/desk/ladders/momentum")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync("/api/v1/tenants/TEN-DESK/ladders/0")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync("/api/v1/tenants/TEN-DESK/ladders/Momentum")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.GetAsync("/api/v1/audit/verify?tenantId=desk")).StatusCode);
    }

    /// <summary>A paper Strategy over the replay's prices, until risk has approved what the checklist counts.</summary>
    private async Task TradePaperAsync(HttpClient alice)
    {
        var portfolio = await host.NewPortfolioAsync();
        var launch = Http.Launch("momentum-ladder-paper", portfolio);
        launch["market_scope"] = new JsonObject { ["mode"] = "cluster", ["cluster_id"] = "crypto" };
        Assert.Equal(HttpStatusCode.Created, (await alice.PostAsync($"/api/v1/portfolios/{portfolio}/strategies", Http.Json(launch))).StatusCode);

        var data = await ReplayData.LoadAsync(Path.Combine(AppContext.BaseDirectory, "replay"), DateTimeOffset.UtcNow, CancellationToken.None);
        var replay = new PriceReplay(host.Grains, data);
        var timeline = await ReplayTimeline.MeasureAsync(data.PricesPath, CancellationToken.None);
        await foreach (var step in replay.StepsAsync(new ReplayRun(DateTimeOffset.UtcNow, 15), timeline, 0, loop: false, CancellationToken.None))
        {
            foreach (var update in step.Updates)
            {
                await replay.PublishAsync(update);
            }

            await Task.Delay(5);
        }

        var approvals = await EventuallyAsync(
            async () => (await host.Grains.GetGrain<IAuditQueryGrain>(0).Query(new AuditQuery { PortfolioId = portfolio, ReasonCode = ReasonCodes.RiskApproved })).Items.Count,
            Host.PaperDecisions,
            atLeast: true);
        Assert.True(approvals >= Host.PaperDecisions, $"{approvals} paper approvals");
        Assert.Equal(HttpStatusCode.OK, (await alice.PostAsync("/api/v1/strategies/momentum-ladder-paper/stop", null)).StatusCode);
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, T expected, bool atLeast = false)
    {
        var value = await read();
        for (var i = 0; i < 100 && !(atLeast ? Comparer<T>.Default.Compare(value, expected) >= 0 : Equals(value, expected)); i++)
        {
            await Task.Delay(100);
            value = await read();
        }

        return value;
    }

    private static StringContent Attestation(string item) =>
        Http.Json(new JsonObject { ["item_id"] = item, ["evidence"] = $"{item}: checked for the test, ticket OPS-{item.Length}" });

    private static StringContent Promotion(string rung) => Http.Json(new JsonObject { ["to"] = rung });

    private static JsonObject Launch(string strategyId, string portfolioId, string mode)
    {
        var launch = Http.Launch(strategyId, portfolioId);
        launch["mode"] = mode;
        return launch;
    }

    /// <summary>
    /// The embedded silo as a live-ready deployment would answer the checklist: a durable profile (with the reminders a
    /// durable silo has) and a key flagged as not
    /// the development key. Its checklists are the repository's, with the paper-decision minimum the replay reaches.
    /// </summary>
    public sealed class Host : GatewayWithEmbeddedSilo
    {
        public const int PaperDecisions = 2;

        private readonly string _gates = Directory.CreateTempSubdirectory("polytraders-gates-").FullName;

        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings
        {
            get
            {
                var momentum = Directory.CreateDirectory(Path.Combine(_gates, "momentum")).FullName;
                foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "gates", "momentum")))
                {
                    File.WriteAllText(Path.Combine(momentum, Path.GetFileName(file)), File.ReadAllText(file).Replace("\"minimum\": 100", $"\"minimum\": {PaperDecisions}", StringComparison.Ordinal));
                }

                return [new("Gates:Directory", _gates), new("Signing:IsDevelopmentKey", "false")];
            }
        }

        protected override void ConfigureSilo(ISiloBuilder silo, IConfiguration configuration)
        {
            base.ConfigureSilo(silo, configuration);
            silo.UseInMemoryReminderService();
            silo.Services.AddSingleton(new DeploymentProfile(DurableStorage: true, Name: "test (stands in for PostgreSQL)"));
        }
    }
}
